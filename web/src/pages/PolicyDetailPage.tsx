import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { Markdown } from '../components/common/Markdown.js';
import { AcknowledgeButton } from '../components/policies/AcknowledgeButton.js';
import { PolicyAcknowledgements } from '../components/policies/PolicyAcknowledgements.js';
import { PolicyActions } from '../components/policies/PolicyActions.js';
import { PolicyVersions } from '../components/policies/PolicyVersions.js';
import {
  POLICY_SETTINGS_FIELDS,
  POLICY_TEXT_FIELDS,
  REVIEW_COLOURS,
  STATUS_COLOURS,
  withWholeAudience,
} from '../components/policies/policy-fields.js';
import { humanise } from '../components/registers/labels.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { RecordTrail } from '../components/registers/RecordTrail.js';
import { usePermissions } from '../hooks/usePermissions.js';

const problem = (error: Error) =>
  notifications.show({
    color: 'red',
    title: 'Not done',
    message: error.message,
    closeButtonProps: { 'aria-label': 'Close notification' },
  });

/** One policy: its text, lifecycle actions, versions with diffs and downloads, acknowledgements, history. */
export function PolicyDetailPage() {
  const { id = '' } = useParams();
  const { canRead, canEdit } = usePermissions();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<'text' | 'settings' | null>(null);
  const policy = useQuery({
    queryKey: ['policies', 'detail', id],
    queryFn: async () => unwrap(await api.GET('/api/policies/{id}', { params: { path: { id } } })),
  });
  if (policy.isPending) return <Loader aria-label="Loading policy" />;
  if (policy.error) return <Alert color="red">{policy.error.message}</Alert>;
  const p = policy.data;
  const owner = canEdit(p.ownerId);
  const tab = params.get('tab') ?? 'text';
  const pending = p.myAcknowledgement && !p.myAcknowledgement.acknowledgedAt ? p.myAcknowledgement : null;
  const save = async (body: object) =>
    unwrap(await api.PATCH('/api/policies/{id}', { params: { path: { id } }, body: body as never }));
  return (
    <Stack>
      <Anchor component={Link} to="/policies" size="sm">
        ← All policies
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{p.title}</Title>
          <Group gap="xs">
            {canRead && <Badge color={STATUS_COLOURS[p.status]}>{humanise(p.status)}</Badge>}
            <Text size="sm">
              {p.publishedVersion ? `Version ${p.publishedVersion} in force` : 'Not published yet'}
            </Text>
            {p.nextReviewDue && (
              <Badge variant="light" color={REVIEW_COLOURS[p.reviewStatus]}>
                Review due {p.nextReviewDue}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              Owner: {p.owner?.name ?? 'unassigned'}
            </Text>
          </Group>
        </Stack>
        {canRead && <PolicyActions policy={p} onError={problem} />}
      </Group>
      {pending && (
        <Card withBorder>
          <Group justify="space-between">
            <Text>
              Please read version {pending.version} below and acknowledge it by {pending.dueOn}.
            </Text>
            <AcknowledgeButton policyId={p.id} version={pending.version} />
          </Group>
        </Card>
      )}
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'text' ? { tab: value } : {}, { replace: true })}
      >
        <Tabs.List>
          <Tabs.Tab value="text">{canRead && p.status !== 'published' ? 'Working text' : 'Text'}</Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
          {canRead && <Tabs.Tab value="acknowledgements">Acknowledgements</Tabs.Tab>}
          {canRead && <Tabs.Tab value="history">History</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          {owner && p.status !== 'retired' && (
            <Group mb="sm">
              {p.status === 'draft' && <Button onClick={() => setEditing('text')}>Edit text</Button>}
              <Button variant="light" onClick={() => setEditing('settings')}>
                Owner, review and audience
              </Button>
            </Group>
          )}
          {canRead && p.changelog && (
            <Text size="sm" mb="sm">
              <strong>Changes in this draft:</strong> {p.changelog}
            </Text>
          )}
          <Card withBorder>
            <Markdown source={p.body} empty="No text yet." />
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <PolicyVersions policy={p} />
        </Tabs.Panel>
        {canRead && (
          <Tabs.Panel value="acknowledgements" pt="md">
            <PolicyAcknowledgements policy={p} />
          </Tabs.Panel>
        )}
        {canRead && (
          <Tabs.Panel value="history" pt="md">
            <RecordTrail entityType="policy" entityId={p.id} />
          </Tabs.Panel>
        )}
      </Tabs>
      <RecordFormModal
        title={editing === 'text' ? `Edit ${p.title}` : `${p.title}: owner, review and audience`}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        fields={editing === 'text' ? POLICY_TEXT_FIELDS : POLICY_SETTINGS_FIELDS}
        record={p}
        body={withWholeAudience}
        save={save}
        invalidate={[['policies'], ['trail']]}
        savedMessage="Policy saved"
        submitLabel="Save"
      />
    </Stack>
  );
}
