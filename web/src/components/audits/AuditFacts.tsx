import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Markdown } from '../common/Markdown.js';
import type { Audit } from './audit-fields.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** The audit plan at a glance: programme, dates, team, scope and criteria, and the conclusion once done. */
export function AuditFacts({ audit: a }: { audit: Audit }) {
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label="Programme">{a.programme?.name ?? '—'}</Fact>
        <Fact label="Planned">
          {a.plannedStart} – {a.plannedEnd}
        </Fact>
        <Fact label="Framework">{a.frameworkId}</Fact>
        <Fact label="Lead auditor">{a.leadAuditor?.name ?? '—'}</Fact>
        <Fact label="Audit team">{a.team.map((p) => p.name).join(', ') || '—'}</Fact>
        <Fact label="Progress">
          {a.progress.assessed} of {a.progress.items} assessed · {a.progress.findings} finding(s)
        </Fact>
      </SimpleGrid>
      {a.scope && (
        <Fact label="Scope">
          <Markdown source={a.scope} />
        </Fact>
      )}
      {a.criteria && (
        <Fact label="Criteria">
          <Markdown source={a.criteria} />
        </Fact>
      )}
      {a.conclusion && (
        <Fact label="Conclusion">
          <Markdown source={a.conclusion} />
        </Fact>
      )}
    </Stack>
  );
}
