import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { endOfDay } from './badges.js';

type TestResult = components['schemas']['TestResult'];

/** Excludes one failing resource from a test, with a reason and an optional expiry. */
export function ExcludeModal({
  testId,
  resource,
  onClose,
}: {
  testId: string;
  resource: TestResult | null;
  onClose: () => void;
}) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  const client = useQueryClient();
  const form = useForm<{ reason: string; expiresAt: string | null }>({
    initialValues: { reason: '', expiresAt: null },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const exclude = useMutation({
    mutationFn: async (values: typeof form.values) =>
      unwrap(
        await api.POST('/api/tests/{id}/exclusions', {
          params: { path: { id: testId } },
          body: {
            resourceId: resource?.resourceId ?? '',
            reason: values.reason,
            expiresAt: values.expiresAt ? endOfDay(values.expiresAt) : null,
          },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['test', testId] });
      await client.invalidateQueries({ queryKey: ['test-exclusions', testId] });
      await client.invalidateQueries({ queryKey: ['tests'] });
      await client.invalidateQueries({ queryKey: ['issues'] });
      showSaved(`Excluded ${resource?.resourceName}`);
      close();
    },
    onError: (error) => showProblem(form, error),
  });

  return (
    <Modal
      opened={resource !== null}
      onClose={close}
      title="Exclude a resource"
      fullScreen={isMobile}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={form.onSubmit((values) => exclude.mutate(values))}>
        <Stack>
          <Text size="sm">
            {resource?.resourceName} will no longer count against this test until the exclusion expires or is
            revoked. Auditors see every exclusion and its reason.
          </Text>
          <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
          <DateInput
            label="Expires on"
            description="Optional; leave empty for no expiry"
            clearable
            minDate={new Date()}
            valueFormat="YYYY-MM-DD"
            {...form.getInputProps('expiresAt')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={exclude.isPending}>
              Exclude
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
