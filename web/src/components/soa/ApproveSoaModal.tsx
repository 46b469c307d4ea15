import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { PRIMARY } from '../controls/colours.js';
import type { SoaFrameworkId } from './types.js';

/** Freezes the working draft into the next version; the changelog says what changed and why. */
export function ApproveSoaModal({
  frameworkId,
  opened,
  onClose,
}: {
  frameworkId: SoaFrameworkId;
  opened: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const form = useForm({ initialValues: { changelog: '' } });
  const approve = useMutation({
    mutationFn: async (values: typeof form.values) =>
      unwrap(await api.POST('/api/soa/versions', { body: { frameworkId, changelog: values.changelog } })),
    onSuccess: async (version) => {
      form.reset();
      showSaved(`Version ${version.version} approved.`);
      onClose();
      await client.invalidateQueries({ queryKey: ['soa'] });
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="Approve version"
      size="lg"
      fullScreen={isMobile}
    >
      <form onSubmit={form.onSubmit((values) => approve.mutate(values))}>
        <Stack>
          {approve.error && <Alert color="red">{approve.error.message}</Alert>}
          <Textarea
            label="Changelog"
            description="What changed since the last approved version, and why"
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('changelog')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color={PRIMARY} type="submit" loading={approve.isPending}>
              Approve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
