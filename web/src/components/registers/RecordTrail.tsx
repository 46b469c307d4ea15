import { Badge, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { type Column, ListTable } from '../ListTable.js';
import { formatDateTime } from './labels.js';
import { useLocalList } from './useLocalList.js';

type Entry = components['schemas']['TrailEntry'];
const IGNORED = new Set(['updatedAt', 'createdAt']);

const short = (value: unknown) => {
  const text = value === null || value === undefined || value === '' ? '—' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** What an update changed, field by field (creates and deletes are described by their action alone). */
function Changes({ entry }: { entry: Entry }) {
  if (entry.action !== 'update') return null;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const changed = Object.keys(after).filter(
    (key) => !IGNORED.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (changed.length === 0) return <Text size="sm">No field changed</Text>;
  return (
    <List size="sm">
      {changed.map((key) => (
        <List.Item key={key}>
          {key}: {short(before[key])} → {short(after[key])}
        </List.Item>
      ))}
    </List>
  );
}

const COLUMNS: Column<Entry>[] = [
  { key: 'when', label: 'When', sort: 'occurredAt', render: (e) => formatDateTime(e.occurredAt) },
  { key: 'who', label: 'Who', render: (e) => e.actor.label },
  {
    key: 'action',
    label: 'Action',
    render: (e) => (
      <Badge miw="max-content" variant="light">
        {e.action}
      </Badge>
    ),
  },
  { key: 'changes', label: 'Changes', render: (e) => <Changes entry={e} /> },
];

/** One record's entries in the tamper-evident trail: who changed what, and when. */
export function RecordTrail({ entityType, entityId }: { entityType: string; entityId: string }) {
  const list = useLocalList('-occurredAt');
  const trail = useQuery({
    queryKey: ['trail', entityType, entityId, list.page, list.sort],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/trail', {
          params: {
            query: {
              entityType,
              entityId,
              ...list.query,
              sort: list.sort as '-occurredAt',
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  return (
    <ListTable
      label="Change history"
      columns={COLUMNS}
      rows={trail.data?.items}
      total={trail.data?.total}
      rowKey={(e) => e.id}
      loading={trail.isFetching}
      error={trail.error}
      empty="No recorded changes."
      sort={list.sort}
      page={list.page}
      onChange={list.update}
    />
  );
}
