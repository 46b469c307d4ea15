import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { humanise } from '../registers/labels.js';
import { ATTAINMENT_COLOURS, type PlanItem, RESULT_COLOURS, targetText } from './objective-fields.js';

const TEST_COLOURS: Record<string, string> = {
  ok: 'teal',
  needs_attention: 'red',
  error: 'orange',
  disabled: 'gray',
  not_applicable: 'gray',
  not_run: 'gray',
};

/** The generated 9.1 evidence of one plan item: each linked test's and objective's current result. */
export function PlanResults({ item }: { item: PlanItem }) {
  const { tests, objectives, status } = item.results;
  if (tests.length === 0 && objectives.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing linked
      </Text>
    );
  return (
    <Stack gap={4}>
      <Badge color={RESULT_COLOURS[status]} miw="max-content">
        {status === 'ok' ? 'On track' : humanise(status)}
      </Badge>
      {tests.map((t) => (
        <Group key={t.id} gap={4} wrap="nowrap">
          <Badge size="sm" variant="light" color={TEST_COLOURS[t.status] ?? 'gray'} miw="max-content">
            {t.pass} pass · {t.fail} fail{t.error ? ` · ${t.error} error` : ''}
          </Badge>
          <Anchor component={Link} to={`/tests/${t.id}`} size="sm">
            {t.title}
          </Anchor>
        </Group>
      ))}
      {objectives.map((o) => (
        <Group key={o.id} gap={4} wrap="nowrap">
          <Badge size="sm" variant="light" color={ATTAINMENT_COLOURS[o.attainment]} miw="max-content">
            {o.latestValue === null ? 'No data' : `${o.latestValue} ${o.unit}`} / {targetText(o)}
          </Badge>
          <Anchor component={Link} to={`/objectives?objective=${o.id}`} size="sm">
            {o.title}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
}
