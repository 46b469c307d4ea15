import { Anchor, Table, Text } from '@mantine/core';
import type { components } from '../../api/schema.js';
import { LINK, MUTED } from '../controls/colours.js';

type Version = components['schemas']['EvidenceVersion'];

function formatBytes(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function content(v: Version) {
  if (v.kind === 'link' && v.url)
    return (
      <Anchor c={LINK} href={v.url} target="_blank" rel="noreferrer">
        {v.url}
      </Anchor>
    );
  if (v.kind === 'note') return <Text lineClamp={3}>{v.note}</Text>;
  return v.filename;
}

/** Every version of an evidence item, newest first, with download links for files. */
export function VersionsTable({ evidenceId, versions }: { evidenceId: string; versions: Version[] }) {
  if (versions.length === 0) return <Text c={MUTED}>No versions yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Versions" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Content</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Collected</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>File</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{content(v)}</Table.Td>
              <Table.Td>{formatBytes(v.sizeBytes)}</Table.Td>
              <Table.Td>{v.collectedAt?.slice(0, 10)}</Table.Td>
              <Table.Td>{v.createdBy}</Table.Td>
              <Table.Td>
                {v.sha256 && (
                  <Anchor
                    c={LINK}
                    href={`/api/evidence/${encodeURIComponent(evidenceId)}/versions/${v.version}/download`}
                    download
                    aria-label={`Download version ${v.version}`}
                  >
                    Download
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
