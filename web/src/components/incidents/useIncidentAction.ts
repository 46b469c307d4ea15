import type { UseFormReturnType } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';

/**
 * A change to one incident (status, notification, note): refreshes the incident and its history after,
 * and puts the API's field errors next to the form's fields (or in a notification without a form).
 */
export function useIncidentAction<Input, Values = unknown>(
  run: (input: Input) => Promise<unknown>,
  options: { saved: string; form?: UseFormReturnType<Values>; onDone?: () => void },
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['incidents'] }),
        client.invalidateQueries({ queryKey: ['trail'] }),
      ]);
      showSaved(options.saved);
      options.onDone?.();
    },
    onError: (error) => showProblem(options.form ?? null, error),
  });
}
