import { Alert, Anchor, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { LINK, MUTED } from '../controls/colours.js';
import { EXPORT_FORMATS, type SoaFrameworkId } from './types.js';

export function useSoaVersions(frameworkId: SoaFrameworkId) {
  return useQuery({
    queryKey: ['soa', 'versions', frameworkId],
    queryFn: async () => unwrap(await api.GET('/api/soa/versions', { params: { query: { frameworkId } } })),
  });
}

const exportUrl = (frameworkId: string, version: number, format: string) =>
  `/api/soa/versions/${version}/export?${new URLSearchParams({ frameworkId, format })}`;

/** Approved versions, newest first, each with plain export links the browser downloads. */
export function SoaVersions({
  frameworkId,
  onCompare,
}: {
  frameworkId: SoaFrameworkId;
  onCompare: (version: number) => void;
}) {
  const versions = useSoaVersions(frameworkId);
  if (versions.isPending) return <Loader aria-label="Loading versions" />;
  if (versions.error) return <Alert color="red">{versions.error.message}</Alert>;
  if (versions.data.items.length === 0) return <Text c={MUTED}>No version has been approved yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label="Approved versions" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Approved</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>Changelog</Table.Th>
            <Table.Th>Applicable / excluded</Table.Th>
            <Table.Th>Export</Table.Th>
            <Table.Th>Compare</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.items.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{v.approvedAt.slice(0, 10)}</Table.Td>
              <Table.Td>{v.approvedBy}</Table.Td>
              <Table.Td>{v.changelog}</Table.Td>
              <Table.Td>
                {v.applicableCount} / {v.excludedCount}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {EXPORT_FORMATS.map((format) => (
                    <Anchor
                      c={LINK}
                      key={format}
                      href={exportUrl(frameworkId, v.version, format)}
                      download
                      aria-label={`Export version ${v.version} as ${format.toUpperCase()}`}
                    >
                      {format.toUpperCase()}
                    </Anchor>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => onCompare(v.version)}>
                  Compare with draft
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
