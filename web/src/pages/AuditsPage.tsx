import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { AUDIT_COLUMNS } from '../components/audits/audit-columns.js';
import { AUDIT_STATUSES } from '../components/audits/audit-fields.js';
import { PlanAuditModal } from '../components/audits/PlanAuditModal.js';
import { ProgrammesPanel } from '../components/audits/ProgrammesPanel.js';
import { ListTable } from '../components/ListTable.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions } from '../components/registers/labels.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Query = NonNullable<paths['/api/audits']['get']['parameters']['query']>;

/** Internal audits (9.2): the audits of each programme, and the programmes with their coverage. */
export function AuditsPage() {
  const { canWrite } = usePermissions();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'programme' ? 'programme' : 'audits';
  const list = useListParams(['status', 'programmeId', 'leadAuditorId'], '-plannedStart');
  const [planning, setPlanning] = useState(false);
  const audits = useQuery({
    queryKey: ['audits', list.query],
    queryFn: async () => unwrap(await api.GET('/api/audits', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  const programmes = useQuery({
    queryKey: ['audit-programmes', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/audit-programmes', { params: { query: { limit: 100 } } })),
  });
  const programmeOptions = (programmes.data?.items ?? [])
    .filter((p) => p.status !== 'closed')
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Internal audits</Title>
        {canWrite && tab === 'audits' && <Button onClick={() => setPlanning(true)}>Plan audit</Button>}
      </Group>
      <Tabs value={tab} onChange={(value) => setParams(value === 'programme' ? { tab: 'programme' } : {})}>
        <Tabs.List>
          <Tabs.Tab value="audits">Audits</Tabs.Tab>
          <Tabs.Tab value="programme">Programme</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="audits" pt="md">
          <Stack>
            <ListFilters
              list={list}
              filters={[
                {
                  param: 'status',
                  label: 'Status',
                  placeholder: 'Any status',
                  options: enumOptions(AUDIT_STATUSES),
                },
                {
                  param: 'programmeId',
                  label: 'Programme',
                  placeholder: 'Any programme',
                  options: (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
                },
                {
                  param: 'leadAuditorId',
                  label: 'Lead auditor',
                  placeholder: 'Any lead auditor',
                  kind: 'people',
                },
              ]}
            />
            <ListTable
              label="Internal audits"
              columns={AUDIT_COLUMNS}
              rows={audits.data?.items}
              total={audits.data?.total}
              rowKey={(a) => a.id}
              loading={audits.isFetching}
              error={audits.error}
              empty="No audit matches."
              sort={list.sort}
              page={list.page}
              onChange={list.update}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="programme" pt="md">
          <ProgrammesPanel programmes={programmes.data?.items ?? []} />
        </Tabs.Panel>
      </Tabs>
      <PlanAuditModal
        opened={planning}
        onClose={() => setPlanning(false)}
        onSaved={(saved) => navigate(`/audits/${saved.id}`)}
        programmes={programmeOptions}
      />
    </Stack>
  );
}
