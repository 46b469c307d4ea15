import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import type { components } from '../api/schema.js';
import { date, dateTime, SeverityBadge, TestStatusBadge } from '../components/monitoring/badges.js';
import { ExcludeModal } from '../components/monitoring/ExcludeModal.js';
import { ScrollTable } from '../components/monitoring/ScrollTable.js';
import { TestEditModal } from '../components/monitoring/TestEditModal.js';
import { TestExclusions } from '../components/monitoring/TestExclusions.js';
import { RecentRuns, TestVersions } from '../components/monitoring/TestHistory.js';
import { usePermissions } from '../hooks/usePermissions.js';

type TestDetail = components['schemas']['TestDetail'];
type TestResult = components['schemas']['TestResult'];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function Definition({ test }: { test: TestDetail }) {
  return (
    <Card withBorder>
      <Stack>
        <Text>{test.description || 'No description.'}</Text>
        <Field label="Condition (CEL), evaluated per resource">
          <Code block>{test.condition}</Code>
        </Field>
        <Field label="Applies when">
          {test.appliesWhen ? <Code block>{test.appliesWhen}</Code> : <Text size="sm">Every resource</Text>}
        </Field>
        <Field label="Remediation">
          <Text size="sm">{test.remediation || '—'}</Text>
        </Field>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label="Resource type">{test.resourceType}</Field>
          <Field label="Owner">{test.owner?.name ?? 'Unassigned'}</Field>
          <Field label="Schedule">
            <Code>{test.schedule}</Code>
          </Field>
          <Field label="Version">
            v{test.version} ({test.builtin ? 'built-in' : 'custom'})
          </Field>
          <Field label="Last run">{dateTime(test.lastRunAt)}</Field>
          <Field label="Next run">{dateTime(test.nextRunAt)}</Field>
        </SimpleGrid>
        <Field label="Controls">
          <Group gap="xs">
            {test.controls.length === 0 && <Text size="sm">None</Text>}
            {test.controls.map((c) => (
              <Badge key={c} variant="outline">
                {c}
              </Badge>
            ))}
          </Group>
        </Field>
        <Field label="Frameworks reached">
          <Text size="sm">{test.frameworks.join(', ') || 'None'}</Text>
        </Field>
      </Stack>
    </Card>
  );
}

function FailingResources({ test, onExclude }: { test: TestDetail; onExclude?: (r: TestResult) => void }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Failing resources ({test.failing.length})
      </Title>
      {test.failing.length === 0 && <Text c="dimmed">Nothing is failing.</Text>}
      {test.failing.length > 0 && (
        <ScrollTable minWidth={640} label="Failing resources">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Resource</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Since</Table.Th>
              {onExclude && <Table.Th>Action</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {test.failing.map((r) => (
              <Table.Tr key={r.resourceId}>
                <Table.Td>
                  {r.resourceName}{' '}
                  {r.flapping && (
                    <Badge size="xs" color="grape.8" miw="max-content">
                      flapping
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={r.outcome === 'error' ? 'orange.6' : 'red.9'} autoContrast miw="max-content">
                    {r.outcome}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.reason}</Text>
                </Table.Td>
                <Table.Td>{date(r.since)}</Table.Td>
                {onExclude && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Exclude ${r.resourceName}`}
                      onClick={() => onExclude(r)}
                    >
                      Exclude
                    </Button>
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

/** One test: its definition, what fails now and why, runs, exclusions and versions; run and edit it. */
export function TestDetailPage() {
  const { id = '' } = useParams();
  const { canWrite, canConfigure } = usePermissions();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [excluding, setExcluding] = useState<TestResult | null>(null);
  const detail = useQuery({
    queryKey: ['test', id],
    queryFn: async () => unwrap(await api.GET('/api/tests/{id}', { params: { path: { id } } })),
  });
  const run = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/tests/{id}/run', { params: { path: { id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['test', id] });
      await client.invalidateQueries({ queryKey: ['tests'] });
      await client.invalidateQueries({ queryKey: ['issues'] });
    },
  });

  if (detail.isPending) return <Loader role="status" aria-label="Loading test" />;
  if (detail.error)
    return (
      <Alert variant="filled" color="red.9">
        {detail.error.message}
      </Alert>
    );
  const test = detail.data;
  return (
    <Stack>
      <Anchor component={Link} to="/tests" size="sm">
        ← All tests
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{test.title}</Title>
          <Group gap="xs">
            <TestStatusBadge status={test.status} />
            <SeverityBadge severity={test.severity} />
            <Text size="sm" c="dimmed">
              {test.id} · {test.counts.pass ?? 0} pass, {test.counts.fail ?? 0} fail, {test.counts.error ?? 0}{' '}
              error, {test.counts.excluded ?? 0} excluded
            </Text>
          </Group>
          {test.disabledReason && <Text size="sm">Disabled: {test.disabledReason}</Text>}
        </Stack>
        <Group>
          {canWrite && (
            <Button onClick={() => run.mutate()} loading={run.isPending}>
              Run now
            </Button>
          )}
          {canConfigure && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
        </Group>
      </Group>
      {run.data && (
        <Alert variant="default" title="Run finished" role="status">
          Status {run.data.status.replace('_', ' ')}: {run.data.counts.pass} pass, {run.data.counts.fail}{' '}
          fail, {run.data.counts.error} error, {run.data.counts.not_applicable} not applicable,{' '}
          {run.data.counts.excluded} excluded; {run.data.transitions} changed, in {run.data.durationMs} ms.
        </Alert>
      )}
      {run.error && (
        <Alert variant="filled" color="red.9" title="Run failed">
          {run.error.message}
        </Alert>
      )}
      <Definition test={test} />
      <FailingResources test={test} onExclude={canConfigure ? setExcluding : undefined} />
      <TestExclusions testId={test.id} />
      <RecentRuns runs={test.recentRuns} />
      <TestVersions testId={test.id} />
      {canConfigure && (
        <TestEditModal key={test.version} test={test} opened={editing} onClose={() => setEditing(false)} />
      )}
      <ExcludeModal testId={test.id} resource={excluding} onClose={() => setExcluding(null)} />
    </Stack>
  );
}
