import { Badge, Button, Code, Group, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components, paths } from '../../api/schema.js';
import { showSaved } from '../../hooks/useApiForm.js';
import { useListParams } from '../../hooks/useListParams.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { type Column, ListTable } from '../ListTable.js';
import { ConfirmButton } from './ConfirmButton.js';
import { Timestamp } from './Timestamp.js';
import { CreateTokenModal, TokenSecretModal } from './TokenForms.js';

type ApiToken = components['schemas']['ApiToken'];
type CreatedToken = components['schemas']['CreatedApiToken'];
type Query = NonNullable<paths['/api/tokens']['get']['parameters']['query']>;
const STATUS_COLOURS = { active: 'teal', expired: 'gray', revoked: 'red' } as const;

/** API tokens: yours (admins see everyone's), created with the secret shown once, revoked with confirmation. */
export function TokensTab() {
  const { isAdmin } = usePermissions();
  const list = useListParams([], '-createdAt');
  const client = useQueryClient();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure();
  // The secret lives only here, only until the dialog showing it is closed.
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const tokens = useQuery({
    queryKey: ['tokens', list.query],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/tokens', {
          params: {
            query: {
              limit: list.query.limit,
              offset: list.query.offset,
              sort: list.sort as Query['sort'],
              ...(list.q ? { q: list.q } : {}),
            },
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const revoke = useMutation({
    mutationFn: async (token: ApiToken) => {
      const { error, response } = await api.DELETE('/api/tokens/{id}', {
        params: { path: { id: token.id } },
      });
      if (error !== undefined || !response.ok) throw new Error(`Could not revoke (${response.status})`);
      return token;
    },
    onSuccess: async (token) => {
      await client.invalidateQueries({ queryKey: ['tokens'] });
      showSaved(`Token “${token.name}” revoked.`);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not revoked', message: error.message }),
  });

  const columns: Column<ApiToken>[] = [
    { key: 'name', label: 'Name', sort: 'name', render: (t) => t.name },
    { key: 'prefix', label: 'Starts with', render: (t) => <Code>{t.prefix}…</Code> },
    ...(isAdmin ? [{ key: 'user', label: 'User', render: (t: ApiToken) => t.userEmail }] : []),
    { key: 'created', label: 'Created', sort: 'createdAt', render: (t) => <Timestamp value={t.createdAt} /> },
    {
      key: 'lastUsed',
      label: 'Last used',
      sort: 'lastUsedAt',
      render: (t) => <Timestamp value={t.lastUsedAt} empty="never" />,
    },
    {
      key: 'expires',
      label: 'Expires',
      sort: 'expiresAt',
      render: (t) => <Timestamp value={t.expiresAt} empty="never" />,
    },
    {
      key: 'status',
      label: 'Status',
      render: (t) => (
        <Badge miw="max-content" color={STATUS_COLOURS[t.status]}>
          {t.status}
        </Badge>
      ),
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (t) =>
        t.status === 'active' && (
          <ConfirmButton
            aria-label={`Revoke ${t.name}`}
            title={`Revoke “${t.name}”?`}
            message="Anything using this token stops working at once. This cannot be undone."
            loading={revoke.isPending}
            onConfirm={() => revoke.mutate(t)}
          >
            Revoke
          </ConfirmButton>
        ),
    },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <TextInput
          aria-label="Search tokens"
          placeholder="Search name"
          defaultValue={list.q}
          onChange={(e) => list.update({ q: e.currentTarget.value })}
        />
        <Button onClick={openCreate}>Create token</Button>
      </Group>
      <ListTable
        label="API tokens"
        columns={columns}
        rows={tokens.data?.items}
        total={tokens.data?.total}
        rowKey={(t) => t.id}
        loading={tokens.isFetching}
        error={tokens.error}
        empty="No API tokens yet."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <CreateTokenModal opened={creating} onClose={closeCreate} onCreated={setCreated} />
      <TokenSecretModal created={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
