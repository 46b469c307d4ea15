import { Button, Card, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { SEVERITIES, SEVERITY_COLOURS } from './badges.js';
import { shown, useTotal } from './useTotal.js';

type Severity = components['schemas']['Test']['severity'];

function SeverityCount({ severity }: { severity: Severity }) {
  const query = { status: 'needs_attention', severity, limit: 1 } as const;
  const total = useTotal(['tests', query], async () =>
    unwrap(await api.GET('/api/tests', { params: { query } })),
  );
  return (
    <Button
      component={Link}
      to={`/tests?status=needs_attention&severity=${severity}`}
      color={SEVERITY_COLOURS[severity]}
      autoContrast
    >
      <Text span fw={700} mr={6} data-testid={`failing-tests-${severity}`}>
        {shown(total)}
      </Text>
      {severity}
    </Button>
  );
}

/** How many tests need attention, by severity; each count opens the filtered test list. */
export function FailingTestsCard() {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Failing tests by severity
      </Title>
      <Group gap="xs">
        {SEVERITIES.map((s) => (
          <SeverityCount key={s} severity={s} />
        ))}
      </Group>
    </Card>
  );
}
