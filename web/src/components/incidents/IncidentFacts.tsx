import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { humanise } from '../registers/labels.js';
import { Timestamp } from '../settings/Timestamp.js';
import { type Incident, SERIOUS_CATEGORIES, SEVERITY_COLOURS } from './incident-fields.js';

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Stack gap={0} style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** The incident at a glance: what, how bad, when, who owns it, and which AI systems were involved. */
export function IncidentFacts({ incident: i }: { incident: Incident }) {
  const category = SERIOUS_CATEGORIES.find((c) => c.value === i.seriousCategory)?.label;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
      <Fact label="Severity">
        <Badge color={SEVERITY_COLOURS[i.severity]}>{humanise(i.severity)}</Badge>
      </Fact>
      <Fact label="Harm">{humanise(i.harmType)}</Fact>
      <Fact label="Serious incident (Art. 3(49))">{i.serious ? `Yes · ${category ?? ''}` : 'No'}</Fact>
      <Fact label="Occurred">
        <Timestamp value={i.occurredAt} />
      </Fact>
      <Fact label="Detected">
        <Timestamp value={i.detectedAt} />
      </Fact>
      <Fact label="Resolved / closed">
        <Timestamp value={i.resolvedAt} /> / <Timestamp value={i.closedAt} />
      </Fact>
      <Fact label="Owner">{i.owner?.name ?? 'Unassigned'}</Fact>
      <Fact label="Affected AI systems" wide>
        {i.aiSystems.length === 0 ? (
          '—'
        ) : (
          <Group gap="xs">
            {i.aiSystems.map((s) => (
              <Group key={s.id} gap={4}>
                <Anchor component={Link} to={`/ai-systems/${s.id}`} size="sm">
                  {s.name}
                </Anchor>
                <Badge size="xs" variant="light" color={s.riskTier === 'high' ? 'red' : 'gray'}>
                  {humanise(s.riskTier)}
                </Badge>
              </Group>
            ))}
          </Group>
        )}
      </Fact>
      {i.description && (
        <Fact label="Description" wide>
          {i.description}
        </Fact>
      )}
    </SimpleGrid>
  );
}
