import { Alert, Anchor, Button, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components, paths } from '../api/schema.js';
import { type Column, ListTable } from '../components/ListTable.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions, humanise } from '../components/registers/labels.js';
import { NewRiskModal } from '../components/registers/NewRiskModal.js';
import { useRecordParam } from '../components/registers/RegisterDrawer.js';
import { RiskDrawer } from '../components/registers/RiskDrawer.js';
import { RiskHeatMap } from '../components/registers/RiskHeatMap.js';
import { RISK_STATUSES, TREATMENTS } from '../components/registers/risk-fields.js';
import { ScoreBadge } from '../components/registers/ScoreBadge.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Risk = components['schemas']['Risk'];
type Query = NonNullable<paths['/api/risks']['get']['parameters']['query']>;
type MatrixQuery = NonNullable<paths['/api/risks/matrix']['get']['parameters']['query']>;

/**
 * The risk register under its 5×5 heat map: clicking a cell filters the register, `?risk=<id>` opens a
 * risk's drawer for treatment and acceptance; every filter lives in the URL.
 */
export function RisksPage() {
  const { canWrite } = usePermissions();
  const [creating, setCreating] = useState(false);
  const list = useListParams(
    ['likelihood', 'impact', 'status', 'treatment', 'ownerId', 'aiSystemId'],
    '-inherentScore',
  );
  const { likelihood, impact, status, ownerId, aiSystemId } = list.filters;
  const selected = useRecordParam('risk');
  // The heat map counts the same risks as the register, apart from its own cell filter.
  const matrixQuery = Object.fromEntries(
    Object.entries({ status, ownerId, aiSystemId }).filter(([, v]) => v),
  ) as MatrixQuery;
  const matrix = useQuery({
    queryKey: ['risk-matrix', matrixQuery],
    queryFn: async () => unwrap(await api.GET('/api/risks/matrix', { params: { query: matrixQuery } })),
  });
  const risks = useQuery({
    queryKey: ['risks', list.query],
    queryFn: async () => unwrap(await api.GET('/api/risks', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });

  const selectCell = (l: number, i: number) => {
    const same = likelihood === String(l) && impact === String(i);
    list.update(same ? { likelihood: null, impact: null } : { likelihood: String(l), impact: String(i) });
  };
  const columns: Column<Risk>[] = [
    {
      key: 'title',
      label: 'Risk',
      sort: 'title',
      render: (r) => (
        <Anchor component={Link} to={selected.href(r.id)}>
          {r.title}
        </Anchor>
      ),
    },
    {
      key: 'inherent',
      label: 'Inherent',
      sort: 'inherentScore',
      render: (r) => <ScoreBadge score={r.inherentScore} level={r.inherentLevel} />,
    },
    {
      key: 'residual',
      label: 'Residual',
      sort: 'residualScore',
      render: (r) => <ScoreBadge score={r.residualScore} level={r.residualLevel} />,
    },
    { key: 'treatment', label: 'Treatment', render: (r) => humanise(r.treatment) },
    { key: 'status', label: 'Status', sort: 'status', render: (r) => humanise(r.status) },
    { key: 'owner', label: 'Owner', render: (r) => r.owner?.name },
    { key: 'due', label: 'Due', sort: 'dueDate', render: (r) => r.dueDate },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Risks</Title>
        {canWrite && <Button onClick={() => setCreating(true)}>New risk from a scenario</Button>}
      </Group>
      {matrix.error && <Alert color="red">{matrix.error.message}</Alert>}
      {matrix.data && (
        <RiskHeatMap matrix={matrix.data} likelihood={likelihood} impact={impact} onSelect={selectCell} />
      )}
      {likelihood && impact && (
        <Text size="sm">
          Showing risks with likelihood {likelihood} and impact {impact}.{' '}
          <UnstyledButton c="blue" onClick={() => list.update({ likelihood: null, impact: null })}>
            Show all
          </UnstyledButton>
        </Text>
      )}
      <ListFilters
        list={list}
        filters={[
          {
            param: 'status',
            label: 'Status',
            placeholder: 'Any status',
            options: enumOptions(RISK_STATUSES),
          },
          {
            param: 'treatment',
            label: 'Treatment',
            placeholder: 'Any treatment',
            options: enumOptions(TREATMENTS),
          },
          { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
          { param: 'aiSystemId', label: 'AI system', placeholder: 'Any AI system', kind: 'ai-systems' },
        ]}
      />
      <ListTable
        label="Risk register"
        columns={columns}
        rows={risks.data?.items}
        total={risks.data?.total}
        rowKey={(r) => r.id}
        loading={risks.isFetching}
        error={risks.error}
        empty="No risks match."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <RiskDrawer />
      <NewRiskModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
