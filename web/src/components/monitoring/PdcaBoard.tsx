import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, unwrap } from '../../api/client.js';
import { shown, useTotal } from './useTotal.js';

const ISO_42001 = 'iso-42001-2023';

function Figure({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm">{label}</Text>
      <Text fw={700} data-testid={`pdca-${id}`}>
        {value}
      </Text>
    </Group>
  );
}

function Stage({ title, purpose, children }: { title: string; purpose: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={4} size="h5">
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {purpose}
      </Text>
      <Stack gap={4}>{children}</Stack>
    </Card>
  );
}

const list = <Q extends object>(query: Q) => ({ ...query, limit: 1 });

/** The management system's Plan–Do–Check–Act cycle, one card per stage, counted live from the API. */
export function PdcaBoard({ iso42001Percent }: { iso42001Percent: number | undefined }) {
  const allRisks = useTotal(['risks', list({})], async () =>
    unwrap(await api.GET('/api/risks', { params: { query: list({}) } })),
  );
  const closedRisks = useTotal(['risks', list({ status: 'closed' })], async () =>
    unwrap(await api.GET('/api/risks', { params: { query: list({ status: 'closed' as const }) } })),
  );
  const matrix = useQuery({
    queryKey: ['risk-matrix'],
    queryFn: async () => unwrap(await api.GET('/api/risks/matrix')),
  });
  const aboveAppetite = matrix.data?.cells
    .filter((c) => !c.withinAppetite)
    .reduce((sum, c) => sum + c.count, 0);
  const soa = useQuery({
    queryKey: ['soa-versions', ISO_42001],
    queryFn: async () =>
      unwrap(await api.GET('/api/soa/versions', { params: { query: { frameworkId: ISO_42001 } } })),
  });
  const soaVersion = soa.data
    ? soa.data.items.reduce<number | null>((max, v) => Math.max(max ?? 0, v.version), null)
    : undefined;

  const adopted = useTotal(['controls', list({ adopted: 'true' })], async () =>
    unwrap(await api.GET('/api/controls', { params: { query: list({ adopted: 'true' as const }) } })),
  );
  const implementedQuery = list({ adopted: 'true' as const, status: 'implemented' as const });
  const implemented = useTotal(['controls', implementedQuery], async () =>
    unwrap(await api.GET('/api/controls', { params: { query: implementedQuery } })),
  );
  const evidence = useTotal(['evidence', list({})], async () =>
    unwrap(await api.GET('/api/evidence', { params: { query: list({}) } })),
  );

  const testsOk = useTotal(['tests', list({ status: 'ok' })], async () =>
    unwrap(await api.GET('/api/tests', { params: { query: list({ status: 'ok' as const }) } })),
  );
  const attentionQuery = list({ status: 'needs_attention' as const });
  const testsAttention = useTotal(['tests', attentionQuery], async () =>
    unwrap(await api.GET('/api/tests', { params: { query: attentionQuery } })),
  );

  const openQuery = list({ status: 'open' as const });
  const openIssues = useTotal(['issues', openQuery], async () =>
    unwrap(await api.GET('/api/issues', { params: { query: openQuery } })),
  );
  const overdueQuery = list({ status: 'open' as const, overdue: 'true' as const });
  const overdueIssues = useTotal(['issues', overdueQuery], async () =>
    unwrap(await api.GET('/api/issues', { params: { query: overdueQuery } })),
  );

  const openRisks = allRisks === undefined || closedRisks === undefined ? undefined : allRisks - closedRisks;
  return (
    <section aria-labelledby="pdca-heading">
      <Title order={3} size="h4" mb="sm" id="pdca-heading">
        Plan – Do – Check – Act
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Stage title="Plan" purpose="Risks and the Statement of Applicability">
          <Figure id="open-risks" label="Open risks" value={shown(openRisks)} />
          <Figure id="above-appetite" label="Above appetite" value={shown(aboveAppetite)} />
          <Figure
            id="soa-version"
            label="ISO 42001 SoA approved"
            value={soaVersion === undefined ? '…' : soaVersion === null ? 'none' : `v${soaVersion}`}
          />
        </Stage>
        <Stage title="Do" purpose="Controls in place and their evidence">
          <Figure
            id="controls"
            label="Controls implemented / adopted"
            value={`${shown(implemented)} / ${shown(adopted)}`}
          />
          <Figure id="evidence" label="Evidence items" value={shown(evidence)} />
        </Stage>
        <Stage title="Check" purpose="Automated tests and readiness">
          <Figure id="tests-ok" label="Tests OK" value={shown(testsOk)} />
          <Figure id="tests-attention" label="Tests needing attention" value={shown(testsAttention)} />
          <Figure
            id="iso-42001"
            label="ISO 42001 readiness"
            value={iso42001Percent === undefined ? '—' : `${iso42001Percent}%`}
          />
        </Stage>
        <Stage title="Act" purpose="Issues to correct">
          <Figure id="open-issues" label="Open issues" value={shown(openIssues)} />
          <Figure id="overdue-issues" label="Overdue issues" value={shown(overdueIssues)} />
        </Stage>
      </SimpleGrid>
    </section>
  );
}
