import { Alert, Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { RecordForm } from '../registers/RecordForm.js';

/**
 * Outgoing webhooks: which trail events go where. A new webhook's signing secret is shown once; each
 * delivery carries X-OpenAIMS-Signature = sha256=HMAC(secret, "<timestamp>.<body>").
 */
export function WebhooksTab() {
  const client = useQueryClient();
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const webhooks = useQuery({
    queryKey: ['webhooks'],
    queryFn: async () => unwrap(await api.GET('/api/webhooks')),
  });
  const ping = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/webhooks/{id}/ping', { params: { path: { id } } })),
    onSuccess: async (delivery) => {
      await client.invalidateQueries({ queryKey: ['webhooks'] });
      if (delivery?.status === 'delivered') showSaved('Ping delivered');
      else showProblem(null, new Error(`Ping not delivered: ${delivery?.lastError ?? 'no answer'}`));
    },
    onError: (error) => showProblem(null, error),
  });
  const remove = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['webhooks'] });
      showSaved('Webhook removed');
    },
    onError: (error) => showProblem(null, error),
  });
  return (
    <Stack>
      {webhooks.error && <Alert color="red">{webhooks.error.message}</Alert>}
      {secret && (
        <Alert
          color="teal"
          title={`Signing secret for ${secret.name}`}
          withCloseButton
          closeButtonLabel="Close"
          onClose={() => setSecret(null)}
        >
          <Text size="sm">Copy it now: it is not shown again.</Text>
          <Code block>{secret.value}</Code>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Webhooks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>URL</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>Deliveries</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(webhooks.data?.items ?? []).map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>
                  {w.name} {!w.active && <Badge color="gray.7">Paused</Badge>}
                </Table.Td>
                <Table.Td>{w.url}</Table.Td>
                <Table.Td>{w.events.join(', ')}</Table.Td>
                <Table.Td>
                  {w.deliveries.delivered} delivered, {w.deliveries.pending} pending, {w.deliveries.failed}{' '}
                  failed
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => ping.mutate(w.id)}
                      loading={ping.isPending && ping.variables === w.id}
                    >
                      Ping {w.name}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(w.id)}>
                      Remove {w.name}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {webhooks.data?.items.length === 0 && <Text c="dimmed">No webhooks yet.</Text>}
      <Title order={3}>New webhook</Title>
      <RecordForm
        label="New webhook"
        fields={[
          { name: 'name', label: 'Name', type: 'text', required: true },
          { name: 'url', label: 'URL', type: 'text', required: true, placeholder: 'https://…' },
          {
            name: 'events',
            label: 'Events',
            type: 'tags',
            description: 'Trail events such as policy.update, incident.*, change_request.*, or * for all.',
            wide: true,
          },
        ]}
        save={async (body) => unwrap(await api.POST('/api/webhooks', { body: body as never }))}
        onSaved={(created) => {
          const c = created as { name: string; secret: string };
          setSecret({ name: c.name, value: c.secret });
        }}
        invalidate={[['webhooks']]}
        savedMessage="Webhook created"
        submitLabel="Create webhook"
      />
    </Stack>
  );
}
