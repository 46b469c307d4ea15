import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';

/** Keys every change of a nonconformity or its actions refreshes. */
export const NC_KEYS = [['nonconformities'], ['corrective-actions'], ['corrective-action-plan'], ['trail']];

/** A PATCH of the nonconformity, with the lists refreshed and the outcome shown. */
export function useNcUpdate(id: string, message: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: object) =>
      unwrap(await api.PATCH('/api/nonconformities/{id}', { params: { path: { id } }, body: body as never })),
    onSuccess: async () => {
      await Promise.all(NC_KEYS.map((queryKey) => client.invalidateQueries({ queryKey })));
      showSaved(message);
    },
    onError: (error) => showProblem(null, error),
  });
}
