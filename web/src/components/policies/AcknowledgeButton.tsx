import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';

/** "I have read and understood": the caller acknowledges the version in force, for themselves only. */
export function AcknowledgeButton({
  policyId,
  version,
  onDone,
}: {
  policyId: string;
  version: number;
  onDone?: () => void;
}) {
  const client = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/policies/{id}/acknowledgements', {
          params: { path: { id: policyId } },
          body: {},
        }),
      ),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['policies'] }),
        client.invalidateQueries({ queryKey: ['inbox'] }),
      ]);
      showSaved(`Version ${version} acknowledged`);
      onDone?.();
    },
    onError: (error) => showProblem(null, error),
  });
  return (
    <Button loading={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
      I have read and understood version {version}
    </Button>
  );
}
