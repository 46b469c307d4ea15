import type { Db } from '../../db/database.js';
import { systemActor } from '../shared/actor.js';
import { storeMeasurement } from './measurements.js';
import { presentObjective } from './presenter.js';
import { latestMeasurements, objectivesWhere } from './repository.js';
import { readSource, type SourceOptions } from './sources.js';

export interface ScheduledMeasurementOutcome {
  measured: Array<{ id: string; title: string; value: number }>;
  failed: Array<{ id: string; title: string; error: string }>;
}

const AUTOMATIC_SOURCES = ['test_pass_rate', 'prometheus'];

/**
 * Takes a measurement for every active automatic objective that has none in its current period. Run by the
 * worker each tick; one objective failing (Prometheus down, a test with no results yet) does not stop the others,
 * and it is tried again on the next tick.
 */
export async function measureDueObjectives(
  db: Db,
  now: Date = new Date(),
  options: SourceOptions = {},
): Promise<ScheduledMeasurementOutcome> {
  const rows = await objectivesWhere(db.kysely, 'active', AUTOMATIC_SOURCES);
  const latest = await latestMeasurements(
    db.kysely,
    rows.map((r) => r.id),
  );
  const actor = systemActor('scheduled measurement');
  const outcome: ScheduledMeasurementOutcome = { measured: [], failed: [] };
  for (const row of rows) {
    const objective = presentObjective(row, latest.get(row.id), now);
    if (objective.standing === 'measured') continue;
    try {
      const reading = await readSource(db, objective, options);
      await storeMeasurement(db, actor, objective, { ...reading, measuredAt: now.toISOString() });
      outcome.measured.push({ id: row.id, title: row.title, value: reading.value });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome.failed.push({ id: row.id, title: row.title, error: message });
    }
  }
  return outcome;
}
