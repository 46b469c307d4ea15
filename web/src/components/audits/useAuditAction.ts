import { useMutation, useQueryClient } from '@tanstack/react-query';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';

/** A change to one audit: refreshes audits, programme coverage and history after, and shows any problem. */
export function useAuditAction<Input>(
  run: (input: Input) => Promise<unknown>,
  saved: string,
  onDone?: () => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all(
        [['audits'], ['audit-programmes'], ['trail']].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      );
      showSaved(saved);
      onDone?.();
    },
    onError: (error) => showProblem(null, error),
  });
}
