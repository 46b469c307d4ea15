import { Alert, Anchor, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { api, unwrap } from '../../api/client.js';
import { LINK, MUTED } from '../controls/colours.js';
import { SoaRowEditor } from './SoaRowEditor.js';
import type { SoaFrameworkId, SoaRow } from './types.js';

function byGroup(rows: SoaRow[]): Array<[string, SoaRow[]]> {
  const groups = new Map<string, SoaRow[]>();
  for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  return [...groups];
}

/** The working draft, grouped by Annex A group, with the rows that still block approval listed first. */
export function SoaDraft({ frameworkId, editable }: { frameworkId: SoaFrameworkId; editable: boolean }) {
  const draft = useQuery({
    queryKey: ['soa', 'draft', frameworkId],
    queryFn: async () => unwrap(await api.GET('/api/soa', { params: { query: { frameworkId } } })),
  });
  if (draft.isPending) return <Loader aria-label="Loading the Statement of Applicability" />;
  if (draft.error) return <Alert color="red">{draft.error.message}</Alert>;
  const soa = draft.data;
  const applicable = soa.rows.filter((r) => r.applicable).length;
  return (
    <Stack>
      <Text size="sm">
        {soa.rows.length} Annex A controls: {applicable} applicable, {soa.rows.length - applicable} excluded.
        Latest approved version: {soa.latestApprovedVersion ?? 'none yet'}.
      </Text>
      {soa.missingJustifications.length > 0 ? (
        <Alert color="yellow" title={`${soa.missingJustifications.length} rows still need a justification`}>
          <Group gap="xs">
            {soa.missingJustifications.map((ref) => (
              <Anchor c={LINK} key={ref} href={`#soa-row-${ref}`} size="sm">
                {ref}
              </Anchor>
            ))}
          </Group>
        </Alert>
      ) : (
        <Text size="sm" c={MUTED}>
          Every row has a justification: the draft can be approved.
        </Text>
      )}
      <Table.ScrollContainer minWidth={960}>
        <Table aria-label="Statement of Applicability draft" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Control</Table.Th>
              <Table.Th>Applicable</Table.Th>
              <Table.Th>Justification</Table.Th>
              <Table.Th>Implementation</Table.Th>
              <Table.Th>Our controls</Table.Th>
              <Table.Th>Evidence</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byGroup(soa.rows).map(([group, rows]) => (
              <Fragment key={group}>
                <Table.Tr>
                  <Table.Th colSpan={6} scope="colgroup" bg="var(--mantine-color-default-hover)">
                    {group}
                  </Table.Th>
                </Table.Tr>
                {rows.map((row) => (
                  <SoaRowEditor
                    key={`${row.ref}:${row.decidedAt ?? ''}`}
                    frameworkId={frameworkId}
                    row={row}
                    editable={editable}
                  />
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
