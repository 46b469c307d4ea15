import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { Column } from '../ListTable.js';
import { humanise } from '../registers/labels.js';
import { ANALYSIS_COLOURS, type PlanItem } from './objective-fields.js';
import { PlanResults } from './PlanResults.js';

interface Actions {
  canConfigure: boolean;
  canAnalyse: (item: PlanItem) => boolean;
  edit: (item: PlanItem) => void;
  analyse: (item: PlanItem) => void;
}

/** The plan's columns: what, how and when (9.1 a–c), the generated results, and who analyses them (d–f). */
export function planColumns(actions: Actions): Column<PlanItem>[] {
  return [
    {
      key: 'subject',
      label: 'What is monitored',
      sort: 'subject',
      render: (i) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {i.subject}
          </Text>
          <Text size="xs" c="dimmed">
            {i.method}
          </Text>
          {i.requirementRefs.length > 0 && (
            <Text size="xs" c="dimmed">
              {i.requirementRefs.join(', ')}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'frequency', label: 'Frequency', sort: 'frequency', render: (i) => humanise(i.frequency) },
    { key: 'results', label: 'Results', render: (i) => <PlanResults item={i} /> },
    {
      key: 'analysis',
      label: 'Analysis',
      sort: 'lastAnalysedAt',
      render: (i) => (
        <Stack gap={2}>
          <Badge color={ANALYSIS_COLOURS[i.analysisStanding]} variant="light" miw="max-content">
            {humanise(i.analysisStanding)}
          </Badge>
          <Text size="xs">{i.analyst?.name}</Text>
          <Text size="xs" c="dimmed">
            {i.lastAnalysedAt ? `Last ${i.lastAnalysedAt.slice(0, 10)}` : i.analysisSchedule}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (i) => (
        <Group gap={4} wrap="nowrap">
          {actions.canAnalyse(i) && (
            <Button
              size="xs"
              variant="light"
              onClick={() => actions.analyse(i)}
              aria-label={`Record analysis of ${i.subject}`}
            >
              Record analysis
            </Button>
          )}
          {actions.canConfigure && (
            <Button
              size="xs"
              variant="default"
              onClick={() => actions.edit(i)}
              aria-label={`Edit ${i.subject}`}
            >
              Edit
            </Button>
          )}
        </Group>
      ),
    },
  ];
}
