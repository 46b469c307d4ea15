import { useMutation, useQueryClient } from '@tanstack/react-query';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';

/** A change to a review (status, notes, outputs): refreshes the review, its inputs and its history after. */
export function useReviewAction<Input>(
  run: (input: Input) => Promise<unknown>,
  saved: string,
  onDone?: () => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['management-reviews'] }),
        client.invalidateQueries({ queryKey: ['trail'] }),
      ]);
      showSaved(saved);
      onDone?.();
    },
    onError: (error) => showProblem(null, error),
  });
}
