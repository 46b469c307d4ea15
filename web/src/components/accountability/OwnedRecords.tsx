import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { ENTITY_LABELS, recordLink } from './labels.js';
import { ReassignModal } from './ReassignModal.js';

const SHOWN = 100;

/**
 * What a person owns, in their drawer: the handover to do before deactivating them, or (once they left)
 * the orphans they leave behind.
 */
export function OwnedRecords({ person }: { person: { id: string; name: string; active: boolean } }) {
  const { canConfigure } = usePermissions();
  const [handingOver, setHandingOver] = useState(false);
  const owned = useQuery({
    queryKey: ['owned', person.id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/people/{id}/owned', {
          params: { path: { id: person.id }, query: { limit: SHOWN, sort: 'entityType' } },
        }),
      ),
  });
  const total = owned.data?.total ?? 0;
  return (
    <Stack gap="xs" mt="lg">
      <Group justify="space-between">
        <Title order={4}>Owned records</Title>
        {canConfigure && total > 0 && (
          <Button size="xs" variant="light" onClick={() => setHandingOver(true)}>
            Hand over…
          </Button>
        )}
      </Group>
      {owned.error && <Alert color="red">{owned.error.message}</Alert>}
      {!person.active && total > 0 && (
        <Alert color="orange" title="Orphaned records">
          {person.name} is inactive but still owns {total} record{total === 1 ? '' : 's'}. Hand them over to
          an active person.
        </Alert>
      )}
      {owned.data && total === 0 && <Text c="dimmed">Owns no records.</Text>}
      {owned.data && total > 0 && (
        <>
          <Group gap={4}>
            {owned.data.byType.map((t) => (
              <Badge key={t.entityType} variant="light" color="gray">
                {ENTITY_LABELS[t.entityType]}: {t.count}
              </Badge>
            ))}
          </Group>
          <List size="sm">
            {owned.data.items.map((r) => (
              <List.Item key={`${r.entityType}:${r.id}`}>
                {ENTITY_LABELS[r.entityType]}:{' '}
                <Anchor component={Link} to={recordLink(r)}>
                  {r.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
          {total > SHOWN && <Text size="sm">…and {total - SHOWN} more.</Text>}
        </>
      )}
      <ReassignModal from={handingOver ? person : null} onClose={() => setHandingOver(false)} />
    </Stack>
  );
}
