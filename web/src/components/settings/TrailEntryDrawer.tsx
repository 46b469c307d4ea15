import { Badge, Button, Code, Drawer, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { components } from '../../api/schema.js';
import { CLOSE } from './CloseLabel.js';
import { Timestamp } from './Timestamp.js';

type TrailEntry = components['schemas']['TrailEntry'];
export const ACTION_COLOURS = { create: 'teal', update: 'blue', delete: 'red' } as const;

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const brief = (value: unknown): string => {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/** The top-level fields whose values differ between before and after, in the order they appear. */
export function changedFields(entry: TrailEntry): Array<{ field: string; before: unknown; after: unknown }> {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <Stack gap={4} component="section" aria-label={label}>
      <Title order={4}>{label}</Title>
      {value === null || value === undefined ? (
        <Text c="dimmed">Nothing.</Text>
      ) : (
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}

/** One trail entry in full: who did what to which record, a changed-fields summary, and before/after JSON. */
export function TrailEntryDrawer({
  entry,
  onClose,
  onFilter,
}: {
  entry: TrailEntry | null;
  onClose: () => void;
  onFilter: (changes: Record<string, string | null>) => void;
}) {
  const changes = entry?.action === 'update' ? changedFields(entry) : [];
  return (
    <Drawer
      closeButtonProps={CLOSE}
      opened={entry !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={entry ? `Entry #${entry.seq}: ${entry.action} ${entry.entityType}` : ''}
    >
      {entry && (
        <Stack>
          <Table variant="vertical" withTableBorder aria-label="Entry">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>Time</Table.Th>
                <Table.Td>
                  <Timestamp value={entry.occurredAt} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Actor</Table.Th>
                <Table.Td>
                  {entry.actor.label} ({entry.actor.type})
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Td>
                  {entry.entityType} <Code>{entry.entityId}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Td>
                  <Badge miw="max-content" color={ACTION_COLOURS[entry.action]}>
                    {entry.action}
                  </Badge>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Hash</Table.Th>
                <Table.Td>
                  <Code style={{ wordBreak: 'break-all' }}>{entry.hash}</Code>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              onClick={() => onFilter({ entityType: entry.entityType, entityId: entry.entityId })}
            >
              This record’s history
            </Button>
            {entry.actor.id && (
              <Button size="xs" variant="light" onClick={() => onFilter({ actorId: entry.actor.id })}>
                Changes by {entry.actor.label}
              </Button>
            )}
          </Group>
          {entry.action === 'update' && (
            <Stack gap={4}>
              <Title order={4}>Changed fields</Title>
              {changes.length === 0 ? (
                <Text c="dimmed">No field changed.</Text>
              ) : (
                <List size="sm" aria-label="Changed fields">
                  {changes.map((c) => (
                    <List.Item key={c.field}>
                      <Text span fw={600}>
                        {c.field}
                      </Text>
                      : {brief(c.before)} → {brief(c.after)}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          )}
          <Json label="Before" value={entry.before} />
          <Json label="After" value={entry.after} />
        </Stack>
      )}
    </Drawer>
  );
}
