import { Button, Group, Modal, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { clearButton } from '../registers/RecordSelect.js';
import { CATEGORY_OPTIONS, type Concern } from './labels.js';

interface Values {
  aiSystemId: string | null;
  category: string | null;
  description: string;
  anonymous: boolean;
}

function ReportForm({ onDone }: { onDone: () => void }) {
  const client = useQueryClient();
  // Names only, from an endpoint every role may call: members cannot read the AI system register.
  const systems = useQuery({
    queryKey: ['concerns', 'ai-systems'],
    queryFn: async () => unwrap(await api.GET('/api/concerns/ai-systems')).items,
    staleTime: 60_000,
  });
  const form = useForm<Values>({
    initialValues: { aiSystemId: null, category: null, description: '', anonymous: false },
  });
  const report = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/concerns', {
          body: {
            aiSystemId: values.aiSystemId,
            category: (values.category ?? '') as Concern['category'],
            description: values.description,
            anonymous: values.anonymous,
          },
        }),
      ),
    onSuccess: async (concern) => {
      await client.invalidateQueries({ queryKey: ['concerns'] });
      showSaved(`Concern #${concern.number} reported; it is due for an answer by ${concern.dueOn}.`);
      onDone();
    },
    onError: (error) => showProblem(form, error),
  });
  const anonymous = form.values.anonymous;
  return (
    <form onSubmit={form.onSubmit((values) => report.mutate(values))} noValidate>
      <Stack>
        <Select
          label="AI system"
          placeholder="Not about one system"
          searchable
          clearable
          clearButtonProps={clearButton('AI system')}
          data={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-autofocus
          {...form.getInputProps('aiSystemId')}
        />
        <Select
          label="Category"
          placeholder="What is it about?"
          required
          allowDeselect={false}
          data={CATEGORY_OPTIONS}
          {...form.getInputProps('category')}
        />
        <Textarea
          label="What worries you?"
          description="What happened or could happen, where, and who may be affected."
          required
          autosize
          minRows={4}
          {...form.getInputProps('description')}
        />
        <Switch label="Report anonymously" {...form.getInputProps('anonymous', { type: 'checkbox' })} />
        <Text size="sm" c="dimmed">
          {anonymous
            ? 'Your name is not stored anywhere, not even in the audit trail. You will not be able to follow this concern under My concerns.'
            : 'Your name is shown to the people handling the concern, and you can follow it under My concerns.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={report.isPending}>
            Report concern
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Anyone signed in can raise a concern about AI (A.3.3), under their name or anonymously. */
export function ReportConcernModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Report a concern"
      size="lg"
      fullScreen={isMobile}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <ReportForm onDone={onClose} />}
    </Modal>
  );
}
