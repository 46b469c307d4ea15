import {
  Alert,
  Badge,
  Box,
  Drawer,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { STATUS_COLOURS, STATUS_LABELS } from '../components/status.js';

function RequirementDrawer({
  frameworkId,
  reference,
  onClose,
}: {
  frameworkId: string;
  reference: string | null;
  onClose: () => void;
}) {
  const detail = useQuery({
    queryKey: ['requirement', frameworkId, reference],
    enabled: reference !== null,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/frameworks/{id}/requirements/{ref}', {
          params: { path: { id: frameworkId, ref: reference ?? '' } },
        }),
      ),
  });
  const r = detail.data;
  return (
    <Drawer
      opened={reference !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={r ? `${r.ref} ${r.title}` : reference}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {detail.isPending && <Loader role="status" aria-label="Loading" />}
      {r && (
        <Stack>
          <Group>
            <Badge color={STATUS_COLOURS[r.status]}>{STATUS_LABELS[r.status]}</Badge>
            <Text size="sm">{r.reason}</Text>
          </Group>
          <Text>{r.summary}</Text>
          {r.auditorFocus && (
            <Text size="sm" c="dimmed">
              Auditors look for: {r.auditorFocus}
            </Text>
          )}
          <Title order={4}>Why: controls and evidence</Title>
          {r.controls.length === 0 && <Text c="dimmed">No adopted control maps here.</Text>}
          <List spacing="sm">
            {r.controls.map((c) => (
              <List.Item key={c.id}>
                <Text fw={600}>
                  {c.id} {c.name} <Badge size="xs">{c.relationship}</Badge>{' '}
                  <Badge size="xs" color={c.operating ? 'teal' : 'red'}>
                    {c.operating ? 'operating' : 'not operating'}
                  </Badge>
                </Text>
                <Text size="sm" c="dimmed">
                  {c.operatingReason} Owner: {c.owner?.name ?? 'none'}. Evidence:{' '}
                  {c.evidence.map((e) => `${e.title}${e.stale ? ' (stale)' : ''}`).join('; ') || 'none'}
                </Text>
              </List.Item>
            ))}
          </List>
          {r.mappings.length > 0 && (
            <>
              <Title order={4}>Also maps to</Title>
              <List size="sm">
                {r.mappings.map((m) => (
                  <List.Item key={`${m.frameworkId}:${m.ref}`}>
                    {m.frameworkId} {m.ref} {m.title} ({m.relationship})
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

/** A framework's requirements in document order with live status colours, and a "why" drawer per requirement. */
export function FrameworkPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const selected = params.get('ref');
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: async () => unwrap(await api.GET('/api/frameworks')),
  });
  const name = frameworks.data?.items.find((f) => f.id === id)?.name ?? id;
  const tree = useQuery({
    queryKey: ['requirements', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/frameworks/{id}/requirements', { params: { path: { id } } })),
  });
  if (tree.isPending) return <Loader aria-label="Loading requirements" />;
  if (tree.error) return <Alert color="red">{tree.error.message}</Alert>;
  const depth = new Map<string, number>();
  for (const item of tree.data.items)
    depth.set(item.ref, item.parentRef ? (depth.get(item.parentRef) ?? 0) + 1 : 0);
  return (
    <Stack>
      <Title order={2}>{name}</Title>
      <Table highlightOnHover>
        <Table.Tbody>
          {tree.data.items.map((item) => (
            <Table.Tr key={item.ref}>
              <Table.Td>
                <Box pl={(depth.get(item.ref) ?? 0) * 16}>
                  <UnstyledButton onClick={() => setParams({ ref: item.ref })}>
                    <Text fw={item.assessable ? 400 : 600}>
                      {item.ref} {item.title}
                    </Text>
                  </UnstyledButton>
                </Box>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[item.status]}>{STATUS_LABELS[item.status]}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RequirementDrawer frameworkId={id} reference={selected} onClose={() => setParams({})} />
    </Stack>
  );
}
