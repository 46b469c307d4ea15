import { Badge, Button, Group, Select, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api, unwrap } from '../../api/client.js';
import { enumOptions, humanise } from '../registers/labels.js';
import { Timestamp } from '../settings/Timestamp.js';
import type { Incident } from './incident-fields.js';
import { useIncidentAction } from './useIncidentAction.js';

const KIND_COLOURS: Record<string, string> = {
  note: 'gray',
  status: 'blue',
  notification: 'grape',
  containment: 'orange',
  root_cause: 'teal',
};

function AddNote({ incidentId }: { incidentId: string }) {
  const form = useForm({
    initialValues: { kind: 'note' as 'note' | 'containment' | 'root_cause', text: '' },
  });
  const add = useIncidentAction(
    async (values: typeof form.values) =>
      unwrap(
        await api.POST('/api/incidents/{id}/timeline', {
          params: { path: { id: incidentId } },
          body: values,
        }),
      ),
    { saved: 'Added to the timeline', form, onDone: () => form.reset() },
  );
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate aria-label="Add to timeline">
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Kind"
          w={160}
          allowDeselect={false}
          data={enumOptions(['note', 'containment', 'root_cause'])}
          {...form.getInputProps('kind')}
        />
        <Textarea
          label="Note"
          autosize
          minRows={1}
          style={{ flex: 1, minWidth: 240 }}
          {...form.getInputProps('text')}
        />
        <Button type="submit" loading={add.isPending}>
          Add
        </Button>
      </Group>
    </form>
  );
}

/** What happened when, newest first: status changes and notifications are recorded by themselves. */
export function IncidentTimeline({ incident, canEdit }: { incident: Incident; canEdit: boolean }) {
  return (
    <Stack>
      {canEdit && <AddNote incidentId={incident.id} />}
      <Timeline bulletSize={14} lineWidth={2} aria-label="Timeline">
        {incident.timeline.map((entry) => (
          <Timeline.Item
            key={entry.id}
            color={KIND_COLOURS[entry.kind]}
            title={
              <Group gap="xs">
                <Badge size="xs" variant="light" color={KIND_COLOURS[entry.kind]}>
                  {humanise(entry.kind)}
                </Badge>
                <Text size="xs" c="dimmed">
                  <Timestamp value={entry.at} /> · {entry.authorLabel}
                </Text>
              </Group>
            }
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.text}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
