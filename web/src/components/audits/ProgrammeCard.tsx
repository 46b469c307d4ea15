import { Badge, Button, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { humanise } from '../registers/labels.js';
import { type AuditProgramme, PROGRAMME_COLOURS } from './audit-fields.js';

/** One programme: its cycle, approval, how much of the scope its audits plan and have covered, the gaps. */
export function ProgrammeCard({ programme: p }: { programme: AuditProgramme }) {
  const { canConfigure } = usePermissions();
  const [showGaps, setShowGaps] = useState(false);
  const client = useQueryClient();
  const coverage = useQuery({
    queryKey: ['audit-programmes', 'coverage', p.id],
    enabled: showGaps,
    queryFn: async () =>
      unwrap(await api.GET('/api/audit-programmes/{id}/coverage', { params: { path: { id: p.id } } })),
  });
  const decide = useMutation({
    mutationFn: async (action: 'approve' | 'close') =>
      unwrap(
        action === 'approve'
          ? await api.POST('/api/audit-programmes/{id}/approve', { params: { path: { id: p.id } } })
          : await api.POST('/api/audit-programmes/{id}/close', { params: { path: { id: p.id } } }),
      ),
    onSuccess: async (_saved, action) => {
      await client.invalidateQueries({ queryKey: ['audit-programmes'] });
      showSaved(action === 'approve' ? 'Programme approved' : 'Programme closed');
    },
    onError: (error) => showProblem(null, error),
  });
  const c = p.coverage;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {p.name}
            </Title>
            <Text size="sm" c="dimmed">
              {p.frameworkId} · cycle {p.cycleStart} – {p.cycleEnd} · {p.auditCount} audit(s)
              {p.owner ? ` · owner ${p.owner.name}` : ''}
              {p.approvedBy ? ` · approved by ${p.approvedBy.name} on ${p.approvedAt?.slice(0, 10)}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            <Badge color={PROGRAMME_COLOURS[p.status]}>{humanise(p.status)}</Badge>
            {canConfigure && p.status === 'draft' && (
              <Button size="xs" onClick={() => decide.mutate('approve')} loading={decide.isPending}>
                Approve
              </Button>
            )}
            {canConfigure && p.status === 'approved' && (
              <Button
                size="xs"
                variant="default"
                onClick={() => decide.mutate('close')}
                loading={decide.isPending}
              >
                Close programme
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm">
          Planned {c.planned} of {c.requirements} requirements ({c.percentPlanned}%), audited {c.audited} (
          {c.percentAudited}%)
        </Text>
        <Progress.Root size="lg">
          <Progress.Section value={c.percentAudited} color="teal" aria-label="Audited" />
          <Progress.Section
            value={Math.max(0, c.percentPlanned - c.percentAudited)}
            color="blue"
            aria-label="Planned, not yet audited"
          />
        </Progress.Root>
        <Group>
          <Button size="xs" variant="subtle" onClick={() => setShowGaps((v) => !v)}>
            {showGaps ? 'Hide gaps' : `Show gaps (${c.requirements - c.planned})`}
          </Button>
        </Group>
        {showGaps && coverage.data && (
          <List size="sm" aria-label={`Gaps in ${p.name}`}>
            {coverage.data.gaps.length === 0 && <List.Item>Every requirement in scope is planned.</List.Item>}
            {coverage.data.gaps.map((g) => (
              <List.Item key={g.requirementId}>
                {g.ref} {g.title}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
