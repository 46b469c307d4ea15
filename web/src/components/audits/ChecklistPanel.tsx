import { Accordion, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { Audit, ChecklistItem } from './audit-fields.js';
import { ChecklistItemRow } from './ChecklistItemRow.js';

const groupLabel = (group: string) => (group.startsWith('A') ? `Annex ${group}` : `Clause ${group}`);

/** The checklist grouped by clause and Annex A group, with each group's progress. */
export function ChecklistPanel({ audit, editable }: { audit: Audit; editable: boolean }) {
  const evidence = useQuery({
    queryKey: ['evidence', 'picker'],
    enabled: editable,
    queryFn: async () =>
      unwrap(await api.GET('/api/evidence', { params: { query: { limit: 500 } as never } })).items.map(
        (e: { id: string; title: string }) => ({ value: e.id, label: e.title }),
      ),
    staleTime: 60_000,
  });
  const groups = new Map<string, ChecklistItem[]>();
  for (const item of audit.checklist) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  return (
    <Accordion multiple variant="separated" defaultValue={[audit.checklist[0]?.group ?? '']}>
      {[...groups].map(([group, items]) => {
        const assessed = items.filter((i) => i.result !== null).length;
        return (
          <Accordion.Item key={group} value={group}>
            <Accordion.Control>
              <Group justify="space-between" pr="md">
                <Text fw={600}>{groupLabel(group)}</Text>
                <Text size="sm" c="dimmed">
                  {assessed} / {items.length} assessed
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {items.map((item) => (
                <ChecklistItemRow
                  key={item.id}
                  auditId={audit.id}
                  item={item}
                  editable={editable}
                  evidence={evidence.data ?? []}
                />
              ))}
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
