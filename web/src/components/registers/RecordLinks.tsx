import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type RecordKind, useRecordNames } from './useRecords.js';

/** Where a linked record of each register opens. */
export const RECORD_HREF: Record<Exclude<RecordKind, 'risk-scenarios'>, (id: string) => string> = {
  'ai-systems': (id) => `/ai-systems/${id}`,
  vendors: (id) => `/vendors?vendor=${id}`,
  datasets: (id) => `/datasets?dataset=${id}`,
  people: (id) => `/people?person=${id}`,
};

/** Linked records by name, each a link to its own page. */
export function RecordLinks({
  kind,
  ids,
  empty = 'None',
}: {
  kind: keyof typeof RECORD_HREF;
  ids: string[];
  empty?: string;
}) {
  const names = useRecordNames(kind);
  if (ids.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Group gap="xs">
      {ids.map((id) => (
        <Anchor key={id} component={Link} to={RECORD_HREF[kind](id)}>
          {names.get(id) ?? id}
        </Anchor>
      ))}
    </Group>
  );
}
