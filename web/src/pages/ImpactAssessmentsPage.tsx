import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components } from '../api/schema.js';
import { LEVEL_COLOURS, SYSTEM_STATUS_COLOURS } from '../components/impact/labels.js';
import { humanise } from '../components/registers/labels.js';
import { showProblem } from '../hooks/useApiForm.js';
import { usePermissions } from '../hooks/usePermissions.js';

type SystemStatus = components['schemas']['ImpactAssessmentSystemStatus'];
const STATUSES = ['missing', 'overdue', 'due', 'current'] as const;

/** Every AI system's impact assessment standing, worst first, with a way to start the next version. */
export function ImpactAssessmentsPage() {
  const { canWrite } = usePermissions();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const systems = useQuery({
    queryKey: ['impact-assessments', 'systems', status],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/impact-assessments/systems', {
          params: { query: status ? { status: status as SystemStatus['status'] } : {} },
        }),
      ),
  });
  const drafts = useQuery({
    queryKey: ['impact-assessments', 'open'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/impact-assessments', { params: { query: { limit: 500, sort: '-updatedAt' } } }),
      ),
  });
  const open = new Map(
    (drafts.data?.items ?? [])
      .filter((a) => a.status === 'draft' || a.status === 'in_review')
      .map((a) => [a.aiSystemId, a]),
  );
  const start = useMutation({
    mutationFn: async (aiSystemId: string) =>
      unwrap(await api.POST('/api/impact-assessments', { body: { aiSystemId } })),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['impact-assessments'] });
      void navigate(`/impact-assessments/${created.id}`);
    },
    onError: (error) => showProblem(null, error),
  });
  const rank = (s: SystemStatus) => STATUSES.indexOf(s.status);
  const rows = [...(systems.data?.items ?? [])].sort(
    (a, b) => rank(a) - rank(b) || a.aiSystemName.localeCompare(b.aiSystemName),
  );
  return (
    <Stack>
      <Title order={2}>AI system impact assessments</Title>
      <Group>
        <Select
          label="Standing"
          placeholder="Any standing"
          data={STATUSES.map((s) => ({ value: s, label: humanise(s) }))}
          value={status}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear standing' }}
          onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
        />
      </Group>
      {systems.error && <Text c="red">{systems.error.message}</Text>}
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Impact assessment standing">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>AI system</Table.Th>
              <Table.Th>EU AI Act tier</Table.Th>
              <Table.Th>Standing</Table.Th>
              <Table.Th>Impact level</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Assessment</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => {
              const inProgress = open.get(s.aiSystemId);
              return (
                <Table.Tr key={s.aiSystemId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/ai-systems/${s.aiSystemId}`}>
                      {s.aiSystemName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.riskTier}</Table.Td>
                  <Table.Td>
                    <Badge color={SYSTEM_STATUS_COLOURS[s.status]} autoContrast miw="max-content">
                      {humanise(s.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {s.impactLevel && (
                      <Badge color={LEVEL_COLOURS[s.impactLevel]} autoContrast miw="max-content">
                        {humanise(s.impactLevel)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{s.dueOn}</Table.Td>
                  <Table.Td>{s.reason}</Table.Td>
                  <Table.Td>
                    {inProgress ? (
                      <Anchor component={Link} to={`/impact-assessments/${inProgress.id}`}>
                        Continue version {inProgress.version}
                      </Anchor>
                    ) : (
                      canWrite &&
                      s.status !== 'current' && (
                        <Button
                          size="xs"
                          variant="light"
                          loading={start.isPending && start.variables === s.aiSystemId}
                          onClick={() => start.mutate(s.aiSystemId)}
                        >
                          Assess {s.aiSystemName}
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
