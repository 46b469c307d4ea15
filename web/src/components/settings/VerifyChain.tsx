import { Alert, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';

/** Re-computes the trail's hash chain on the server and reports OK with the count, or the first broken entry. */
export function VerifyChain() {
  const verify = useMutation({
    mutationFn: async () => unwrap(await api.GET('/api/trail/verify')),
  });
  const result = verify.data;
  return (
    <Stack gap="xs">
      <div>
        <Button variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
          Verify chain
        </Button>
      </div>
      <div aria-live="polite">
        {verify.error && <Alert color="red">{verify.error.message}</Alert>}
        {result?.ok && (
          <Alert color="teal" variant="outline" title="Chain OK" data-testid="verify-result">
            All {result.count.toLocaleString()} entries verified: none was changed, removed or reordered.
          </Alert>
        )}
        {result && !result.ok && (
          <Alert color="red" variant="outline" title="Chain broken" data-testid="verify-result">
            {result.brokenAt
              ? `The first broken entry is #${result.brokenAt.seq} (${result.brokenAt.id}): ${result.brokenAt.reason}.`
              : 'The chain does not verify.'}{' '}
            The {result.count.toLocaleString()} entries before it verify.
          </Alert>
        )}
      </div>
    </Stack>
  );
}
