import type { Executor } from '../../db/database.js';
import type { InboxItem } from '../inbox/item.js';
import { presentObjective } from './presenter.js';
import { latestMeasurements, objectivesWhere } from './repository.js';

/** Active manual objectives a person owns whose measurement is due: theirs to record. */
export async function objectiveInboxItems(
  db: Executor,
  personId: string,
  today: string,
): Promise<InboxItem[]> {
  const rows = await objectivesWhere(db, 'active', ['manual'], personId);
  const latest = await latestMeasurements(
    db,
    rows.map((r) => r.id),
  );
  const now = new Date();
  return rows
    .map((row) => presentObjective(row, latest.get(row.id), now))
    .filter((objective) => objective.standing !== 'measured')
    .map((objective) => ({
      kind: 'objective_measurement' as const,
      id: objective.id,
      title: `Record a measurement: ${objective.title}`,
      detail: objective.latestMeasurement
        ? `Last ${objective.latestMeasurement.value} ${objective.unit} on ${objective.latestMeasurement.measuredAt.slice(0, 10)}; target ${targetText(objective)}`
        : `No measurement yet; target ${targetText(objective)}`,
      dueOn: objective.nextMeasurementDue,
      overdue: objective.nextMeasurementDue < today,
      link: `/objectives?objective=${objective.id}`,
    }))
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
}

function targetText(objective: { direction: string; target: number; unit: string }) {
  return `${objective.direction === 'at_least' ? '≥' : '≤'} ${objective.target} ${objective.unit}`.trim();
}
