import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { Markdown } from '../common/Markdown.js';
import { CLOSE } from './CloseLabel.js';
import { ScopeFormModal } from './ScopeForm.js';
import { Timestamp } from './Timestamp.js';

type ScopeVersion = components['schemas']['ScopeVersion'];

function ScopeText({ version }: { version: ScopeVersion }) {
  const section = (title: string, text: string) => (
    <Stack gap={4}>
      <Title order={4}>{title}</Title>
      <Markdown source={text} />
    </Stack>
  );
  return (
    <Stack>
      {section('Statement', version.statement)}
      {section('Boundaries', version.boundaries)}
      {section('Exclusions', version.exclusions)}
    </Stack>
  );
}

function VersionHistory({
  versions,
  onOpen,
}: {
  versions: ScopeVersion[];
  onOpen: (v: ScopeVersion) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped aria-label="Scope versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Author</Table.Th>
            <Table.Th>Saved</Table.Th>
            <Table.Th>Text</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{v.author}</Table.Td>
              <Table.Td>
                <Timestamp value={v.createdAt} />
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => onOpen(v)}>
                  Read version {v.version}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The current scope statement with its version and author, a revise button for managers, and every version. */
export function ScopeStatement() {
  const { canConfigure } = usePermissions();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const [editing, { open, close }] = useDisclosure();
  const [reading, setReading] = useState<ScopeVersion | null>(null);
  const scope = useQuery({
    queryKey: ['scope', 'current'],
    queryFn: async () => unwrap(await api.GET('/api/scope')),
  });
  const versions = useQuery({
    queryKey: ['scope', 'versions'],
    queryFn: async () => unwrap(await api.GET('/api/scope/versions')),
  });
  if (scope.isPending) return <Loader aria-label="Loading scope" />;
  if (scope.error) return <Alert color="red">{scope.error.message}</Alert>;
  const { current, contextIssues, interestedParties } = scope.data;

  return (
    <Stack>
      <Group gap="xs">
        <Badge miw="max-content" variant="light">
          {contextIssues.internal} internal issues
        </Badge>
        <Badge miw="max-content" variant="light">
          {contextIssues.external} external issues
        </Badge>
        <Badge miw="max-content" variant="light">
          {interestedParties} interested parties
        </Badge>
      </Group>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Text size="sm" c="dimmed" data-testid="scope-version">
            {current ? (
              <>
                Version {current.version} by {current.author}, <Timestamp value={current.createdAt} />
              </>
            ) : (
              'No scope statement yet.'
            )}
          </Text>
          {canConfigure && <Button onClick={open}>{current ? 'Revise scope' : 'Write scope'}</Button>}
        </Group>
        {current && <ScopeText version={current} />}
      </Card>
      <Title order={3}>Version history</Title>
      {versions.error && <Alert color="red">{versions.error.message}</Alert>}
      {versions.data && <VersionHistory versions={versions.data.items} onOpen={setReading} />}
      {editing && <ScopeFormModal opened={editing} current={current} onClose={close} />}
      <Modal
        closeButtonProps={CLOSE}
        opened={reading !== null}
        onClose={() => setReading(null)}
        title={reading ? `Scope version ${reading.version} by ${reading.author}` : ''}
        size="xl"
        fullScreen={isMobile}
      >
        {reading && <ScopeText version={reading} />}
      </Modal>
    </Stack>
  );
}
