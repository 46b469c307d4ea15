import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { Measurement, Objective } from './objective-fields.js';

/** The measurement history against the target line, oldest first, as the API returns it. */
export function ProgressChart({ objective, history }: { objective: Objective; history: Measurement[] }) {
  if (history.length === 0) return <Text c="dimmed">No measurements yet.</Text>;
  const data = history.map((m) => ({ day: m.measuredAt.slice(0, 10), value: m.value }));
  return (
    <figure style={{ margin: 0 }} aria-label={`Progress of ${objective.title} against its target`}>
      <LineChart
        h={220}
        data={data}
        dataKey="day"
        unit={objective.unit ? ` ${objective.unit}` : undefined}
        series={[{ name: 'value', label: objective.metric, color: 'blue.6' }]}
        referenceLines={[{ y: objective.target, label: `Target ${objective.target}`, color: 'teal.7' }]}
        yAxisProps={{ domain: ['auto', 'auto'] }}
        curveType="linear"
      />
      <figcaption>
        <Text size="xs" c="dimmed">
          {history.length} measurement{history.length === 1 ? '' : 's'}; latest {data.at(-1)?.value}{' '}
          {objective.unit} on {data.at(-1)?.day}.
        </Text>
      </figcaption>
    </figure>
  );
}
