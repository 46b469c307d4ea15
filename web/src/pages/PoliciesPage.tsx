import { Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import {
  POLICY_CATEGORIES,
  POLICY_STATUSES,
  REVIEW_COLOURS,
  REVIEW_STATUSES,
  STATUS_COLOURS,
} from '../components/policies/policy-fields.js';
import type { FieldConfig } from '../components/registers/fields.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions, humanise } from '../components/registers/labels.js';
import { RecordFormModal } from '../components/registers/RecordFormModal.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Policy = components['schemas']['Policy'];
type Query = NonNullable<paths['/api/policies']['get']['parameters']['query']>;

function useTemplateField(enabled: boolean): FieldConfig {
  const templates = useQuery({
    queryKey: ['policy-templates'],
    queryFn: async () => unwrap(await api.GET('/api/policy-templates')),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return {
    name: 'templateId',
    label: 'Start from template',
    type: 'select',
    nullable: true,
    options: (templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.title })),
    description: 'The template’s text, audience and review cadence, filled with your organisation’s name.',
    wide: true,
  };
}

/** The policy register; members see the policies in force and whether they have acknowledged them. */
export function PoliciesPage() {
  const { canRead, canWrite } = usePermissions();
  const navigate = useNavigate();
  const list = useListParams(['status', 'category', 'reviewStatus', 'ownerId'], 'title');
  const [creating, setCreating] = useState(false);
  const templateField = useTemplateField(canWrite);
  const policies = useQuery({
    queryKey: ['policies', list.query],
    queryFn: async () => unwrap(await api.GET('/api/policies', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const columns: Column<Policy>[] = [
    {
      key: 'title',
      label: 'Policy',
      sort: 'title',
      render: (p) => (
        <Anchor component={Link} to={`/policies/${p.id}`}>
          {p.title}
        </Anchor>
      ),
    },
    ...(canRead
      ? [
          {
            key: 'status',
            label: 'Status',
            sort: 'status',
            render: (p: Policy) => (
              <Badge color={STATUS_COLOURS[p.status]} miw="max-content">
                {humanise(p.status)}
              </Badge>
            ),
          },
        ]
      : []),
    {
      key: 'version',
      label: 'In force',
      render: (p) => (p.publishedVersion ? `v${p.publishedVersion}` : '—'),
    },
    { key: 'owner', label: 'Owner', render: (p) => p.owner?.name },
    {
      key: 'review',
      label: 'Next review',
      sort: 'nextReviewDue',
      render: (p) =>
        p.nextReviewDue ? (
          <Badge color={REVIEW_COLOURS[p.reviewStatus]} variant="light" miw="max-content">
            {p.nextReviewDue}
          </Badge>
        ) : (
          '—'
        ),
    },
    {
      key: 'acknowledged',
      label: canRead ? 'Acknowledged' : 'You',
      render: (p) =>
        canRead
          ? p.acknowledgements
            ? `${p.acknowledgements.percent}%`
            : '—'
          : p.myAcknowledgement
            ? p.myAcknowledgement.acknowledgedAt
              ? 'Acknowledged'
              : `To acknowledge by ${p.myAcknowledgement.dueOn}`
            : '—',
    },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Policies</Title>
        {canWrite && <Button onClick={() => setCreating(true)}>New policy</Button>}
      </Group>
      {canRead && (
        <ListFilters
          list={list}
          filters={[
            {
              param: 'status',
              label: 'Status',
              placeholder: 'Any status',
              options: enumOptions(POLICY_STATUSES),
            },
            {
              param: 'category',
              label: 'Category',
              placeholder: 'Any category',
              options: enumOptions(POLICY_CATEGORIES),
            },
            {
              param: 'reviewStatus',
              label: 'Review',
              placeholder: 'Any review status',
              options: enumOptions(REVIEW_STATUSES),
            },
            { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
          ]}
        />
      )}
      <ListTable
        label="Policies"
        columns={columns}
        rows={policies.data?.items}
        total={policies.data?.total}
        rowKey={(p) => p.id}
        loading={policies.isFetching}
        error={policies.error}
        empty={canRead ? 'No policies match.' : 'No policy is in force yet.'}
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RecordFormModal
        title="New policy"
        opened={creating}
        onClose={() => setCreating(false)}
        fields={[
          templateField,
          { name: 'title', label: 'Title (empty: the template’s)', type: 'text', wide: true },
          { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
        ]}
        save={async (body) => unwrap(await api.POST('/api/policies', { body: body as never }))}
        onSaved={(saved) => navigate(`/policies/${(saved as Policy).id}`)}
        invalidate={[['policies']]}
        savedMessage="Policy drafted"
        submitLabel="Create draft"
      />
    </Stack>
  );
}
