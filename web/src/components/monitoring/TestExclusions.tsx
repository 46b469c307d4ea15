import { Alert, Badge, Button, Card, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { date, dateTime } from './badges.js';
import { ScrollTable } from './ScrollTable.js';

type Exclusion = components['schemas']['TestExclusion'];

const state = (e: Exclusion) =>
  e.active ? (
    <Badge color="blue.8" miw="max-content">
      Active
    </Badge>
  ) : (
    <Text size="sm">
      {e.revokedAt ? `Revoked by ${e.revokedBy ?? 'someone'} on ${date(e.revokedAt)}` : 'Expired'}
    </Text>
  );

/** Every exclusion of a test, current and past, with reason, who and expiry; managers may revoke. */
export function TestExclusions({ testId }: { testId: string }) {
  const { canConfigure } = usePermissions();
  const client = useQueryClient();
  const exclusions = useQuery({
    queryKey: ['test-exclusions', testId],
    queryFn: async () =>
      unwrap(await api.GET('/api/tests/{id}/exclusions', { params: { path: { id: testId } } })),
  });
  const revoke = useMutation({
    mutationFn: async (exclusion: Exclusion) => {
      const result = await api.DELETE('/api/tests/{id}/exclusions/{exclusionId}', {
        params: { path: { id: testId, exclusionId: exclusion.id } },
      });
      if (result.error) unwrap(result);
      return exclusion;
    },
    onSuccess: async (exclusion) => {
      await client.invalidateQueries({ queryKey: ['test-exclusions', testId] });
      await client.invalidateQueries({ queryKey: ['test', testId] });
      await client.invalidateQueries({ queryKey: ['tests'] });
      showSaved(`Revoked the exclusion of ${exclusion.resourceName ?? exclusion.resourceId}`);
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: 'Not revoked',
        message: error.message,
        closeButtonProps: { 'aria-label': 'Close notification' },
      }),
  });

  const rows = exclusions.data ?? [];
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Exclusions ({rows.filter((e) => e.active).length} active)
      </Title>
      {exclusions.error && (
        <Alert variant="filled" color="red.9">
          {exclusions.error.message}
        </Alert>
      )}
      {exclusions.data && rows.length === 0 && <Text c="dimmed">No resource is excluded.</Text>}
      {rows.length > 0 && (
        <ScrollTable minWidth={640} label="Exclusions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Resource</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>State</Table.Th>
              {canConfigure && <Table.Th>Action</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.resourceName ?? e.resourceId}</Table.Td>
                <Table.Td>{e.reason}</Table.Td>
                <Table.Td>
                  {e.createdBy}
                  <Text size="xs" c="dimmed">
                    {dateTime(e.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>{e.expiresAt ? date(e.expiresAt) : 'Never'}</Table.Td>
                <Table.Td>{state(e)}</Table.Td>
                {canConfigure && (
                  <Table.Td>
                    {e.active && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={revoke.isPending && revoke.variables?.id === e.id}
                        aria-label={`Revoke exclusion of ${e.resourceName ?? e.resourceId}`}
                        onClick={() => revoke.mutate(e)}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Card>
  );
}
