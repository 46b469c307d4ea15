import { Alert, Anchor, Badge, Divider, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { LINK, MUTED } from '../controls/colours.js';
import { EvidenceEditForm } from './EvidenceEditForm.js';
import { ExpiryBadge } from './ExpiryBadge.js';
import { NewVersionForm } from './NewVersionForm.js';
import { UploadVersion } from './UploadVersion.js';
import { VersionsTable } from './VersionsTable.js';

/** One evidence item: what it proves, its versions with downloads, and (for writers) a new version. */
export function EvidenceDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { canEdit } = usePermissions();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const item = useQuery({
    queryKey: ['evidence-item', id],
    enabled: id !== null,
    queryFn: async () => unwrap(await api.GET('/api/evidence/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const versions = useQuery({
    queryKey: ['evidence-versions', id],
    enabled: id !== null,
    queryFn: async () =>
      unwrap(await api.GET('/api/evidence/{id}/versions', { params: { path: { id: id ?? '' } } })),
  });
  const e = item.data;
  return (
    <Drawer
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={isMobile ? '100%' : 'xl'}
      title={e?.title ?? 'Evidence'}
    >
      {item.isPending && <Loader aria-label="Loading evidence" />}
      {item.error && <Alert color="red">{item.error.message}</Alert>}
      {e && (
        <Stack>
          <Group gap="xs">
            <Badge variant="outline" color="gray.7">
              {e.kind}
            </Badge>
            <ExpiryBadge validUntil={e.validUntil} />
            {e.state === 'empty' && (
              <Badge color="gray.7" autoContrast>
                No versions yet
              </Badge>
            )}
          </Group>
          {e.description && <Text>{e.description}</Text>}
          <Text size="sm">
            Owner: {e.owner?.name ?? 'none'} · Valid until: {e.validUntil ?? 'no expiry'} · Latest version:{' '}
            {e.latestVersion || 'none'}
          </Text>
          <Group gap="xs">
            <Text size="sm">Controls:</Text>
            {e.controlIds.length === 0 && (
              <Text size="sm" c={MUTED}>
                none
              </Text>
            )}
            {e.controlIds.map((c) => (
              <Anchor
                c={LINK}
                key={c}
                component={Link}
                to={`/controls?control=${encodeURIComponent(c)}`}
                size="sm"
              >
                {c}
              </Anchor>
            ))}
          </Group>
          <Title order={4}>Versions</Title>
          {versions.error && <Alert color="red">{versions.error.message}</Alert>}
          <VersionsTable evidenceId={e.id} versions={versions.data?.items ?? []} />
          {canEdit(e.ownerId) && (
            <>
              <Title order={4}>New version</Title>
              {e.kind === 'file' ? <UploadVersion evidence={e} /> : <NewVersionForm evidence={e} />}
              <Divider />
              <Title order={4}>Edit</Title>
              <EvidenceEditForm key={e.updatedAt} evidence={e} />
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
