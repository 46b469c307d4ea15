import { Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { DeadlineSettingsModal } from '../components/incidents/DeadlineSettingsModal.js';
import { INCIDENT_COLUMNS } from '../components/incidents/incident-columns.js';
import { INCIDENT_STATUSES, SEVERITIES } from '../components/incidents/incident-fields.js';
import { ReportIncidentModal } from '../components/incidents/ReportIncidentModal.js';
import { ListTable } from '../components/ListTable.js';
import { ListFilters } from '../components/registers/ListFilters.js';
import { enumOptions } from '../components/registers/labels.js';
import { useListParams } from '../hooks/useListParams.js';
import { usePermissions } from '../hooks/usePermissions.js';

type Query = NonNullable<paths['/api/incidents']['get']['parameters']['query']>;

/** The AI incident register (A.8.4): what went wrong, how far the response is, and who still must be told. */
export function IncidentsPage() {
  const { canWrite, canConfigure } = usePermissions();
  const [configuring, setConfiguring] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const list = useListParams(
    ['severity', 'status', 'serious', 'notificationStatus', 'ownerId'],
    '-detectedAt',
  );
  const [reporting, setReporting] = useState(false);
  const linked = params.get('incident');
  const incidents = useQuery({
    queryKey: ['incidents', list.query],
    queryFn: async () => unwrap(await api.GET('/api/incidents', { params: { query: list.query as Query } })),
    placeholderData: (previous) => previous,
  });
  // Links of the form /incidents?incident=<id> open the incident's own page.
  if (linked) return <Navigate to={`/incidents/${linked}`} replace />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>AI incidents</Title>
        <Group gap="xs">
          {canConfigure && (
            <Button variant="default" onClick={() => setConfiguring(true)}>
              Reporting deadlines
            </Button>
          )}
          {canWrite && <Button onClick={() => setReporting(true)}>Report incident</Button>}
        </Group>
      </Group>
      <ListFilters
        list={list}
        filters={[
          {
            param: 'severity',
            label: 'Severity',
            placeholder: 'Any severity',
            options: enumOptions(SEVERITIES),
          },
          {
            param: 'status',
            label: 'Status',
            placeholder: 'Any status',
            options: enumOptions(INCIDENT_STATUSES),
          },
          {
            param: 'serious',
            label: 'Serious',
            placeholder: 'Serious or not',
            options: [
              { value: 'true', label: 'Serious incidents' },
              { value: 'false', label: 'Not serious' },
            ],
          },
          {
            param: 'notificationStatus',
            label: 'Notifications',
            placeholder: 'Any notifications',
            options: enumOptions(['pending', 'overdue', 'done', 'none']),
          },
          { param: 'ownerId', label: 'Owner', placeholder: 'Any owner', kind: 'people' },
        ]}
      />
      <ListTable
        label="AI incidents"
        columns={INCIDENT_COLUMNS}
        rows={incidents.data?.items}
        total={incidents.data?.total}
        rowKey={(i) => i.id}
        loading={incidents.isFetching}
        error={incidents.error}
        empty="No incident matches."
        sort={list.sort}
        page={list.page}
        onChange={list.update}
      />
      <ReportIncidentModal
        opened={reporting}
        onClose={() => setReporting(false)}
        onSaved={(saved) => navigate(`/incidents/${saved.id}`)}
      />
      <DeadlineSettingsModal opened={configuring} onClose={() => setConfiguring(false)} />
    </Stack>
  );
}
