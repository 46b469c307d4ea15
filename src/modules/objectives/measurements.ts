import type { Db, Executor } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import type { Actor } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import { presentMeasurement, presentObjective } from './presenter.js';
import { findObjective, insertMeasurement, latestMeasurements } from './repository.js';
import type { Measurement, Objective } from './schema.js';

/** Loads an objective as the API shows it: with its latest measurement and standing as of now. */
export async function loadObjective(db: Executor, id: string): Promise<Objective | undefined> {
  const row = await findObjective(db, id);
  if (!row) return undefined;
  const latest = await latestMeasurements(db, [id]);
  return presentObjective(row, latest.get(id), new Date());
}

/** Writes one measurement and its trail entry together. */
export function storeMeasurement(
  db: Db,
  actor: Actor,
  objective: Objective,
  reading: { value: number; note: string; measuredAt: string },
): Promise<Measurement> {
  return db.transaction(async (trx) => {
    const row = {
      id: newId(),
      objective_id: objective.id,
      measured_at: reading.measuredAt,
      value: reading.value,
      source: objective.source,
      note: reading.note,
      recorded_by: actor.label,
      created_at: nowIso(),
    };
    await insertMeasurement(trx, row);
    const after = presentMeasurement(row);
    await appendTrail(db, trx, actor, {
      entityType: 'objective_measurement',
      entityId: row.id,
      action: 'create',
      after,
    });
    return after;
  });
}
