import { Alert, Button, Group, Modal, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { SEVERITIES } from './badges.js';

type TestDetail = components['schemas']['TestDetail'];
type DryRun = components['schemas']['DryRunResult'];

const MONOSPACE = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** Edits a test's title, severity, condition and enabled flag; saving creates a new version. */
export function TestEditModal({
  test,
  opened,
  onClose,
}: {
  test: TestDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  const client = useQueryClient();
  const form = useForm({
    initialValues: {
      title: test.title,
      severity: test.severity,
      condition: test.condition,
      enabled: test.enabled,
    },
  });
  const save = useMutation({
    mutationFn: async (values: typeof form.values) =>
      unwrap(await api.PATCH('/api/tests/{id}', { params: { path: { id: test.id } }, body: values })),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['tests'] });
      await client.invalidateQueries({ queryKey: ['test', test.id] });
      await client.invalidateQueries({ queryKey: ['test-versions', test.id] });
      showSaved(`Saved as version ${saved.version}`);
      onClose();
    },
    onError: (error) => showProblem(form, error),
  });
  // A dry run shows what the edited condition would conclude before anyone saves it.
  const preview = useMutation({
    mutationFn: async (values: typeof form.values): Promise<DryRun> =>
      unwrap(
        await api.POST('/api/tests/{id}/dry-run', {
          params: { path: { id: test.id } },
          body: { condition: values.condition },
        }),
      ),
    onError: (error) => showProblem(form, error),
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Edit test"
      size="lg"
      fullScreen={isMobile}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack>
          <TextInput label="Title" required {...form.getInputProps('title')} />
          <Select
            label="Severity"
            required
            allowDeselect={false}
            data={SEVERITIES}
            {...form.getInputProps('severity')}
          />
          <Textarea
            label="Condition (CEL)"
            description="Evaluated for every resource; true means the resource passes."
            required
            autosize
            minRows={3}
            styles={MONOSPACE}
            {...form.getInputProps('condition')}
          />
          <Switch label="Enabled" {...form.getInputProps('enabled', { type: 'checkbox' })} />
          {preview.data && (
            <Alert variant="default" title="Dry run (nothing saved)">
              {preview.data.counts.pass} pass, {preview.data.counts.fail} fail, {preview.data.counts.error}{' '}
              error, {preview.data.counts.not_applicable} not applicable, {preview.data.counts.excluded}{' '}
              excluded
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              loading={preview.isPending}
              onClick={() => {
                form.clearErrors();
                preview.mutate(form.values);
              }}
            >
              Dry run
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save new version
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
