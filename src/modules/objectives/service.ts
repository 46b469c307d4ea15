import type { Db } from '../../db/database.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { createRegisterService } from '../shared/register-service.js';
import { loadObjective, storeMeasurement } from './measurements.js';
import { presentMeasurement, presentObjective } from './presenter.js';
import {
  deleteObjective,
  insertObjective,
  latestMeasurements,
  listObjectives,
  measurementsOf,
  updateObjective,
} from './repository.js';
import { assertManual, assertMeasurable, objectiveColumns } from './rules.js';
import type {
  Measurement,
  MeasurementCreate,
  Objective,
  ObjectiveCreate,
  ObjectiveListQuery,
  ObjectiveUpdate,
} from './schema.js';
import { readSource, type SourceOptions } from './sources.js';

/**
 * AI objectives (6.2): measurable targets with an owner, measured by hand or from a monitoring test or a
 * Prometheus query. `options.secret` lets Prometheus objectives read stored integration credentials.
 */
export function createObjectivesService(db: Db, options: SourceOptions = {}) {
  const register = createRegisterService<ObjectiveCreate, ObjectiveUpdate, Objective>(db, {
    entityType: 'objective',
    label: 'objective',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: loadObjective,
    insert: async (trx, id, input, now) => insertObjective(trx, id, await objectiveColumns(trx, input), now),
    patch: async (trx, id, input, now, existing) =>
      updateObjective(trx, id, await objectiveColumns(trx, input, existing), now),
    remove: deleteObjective,
  });

  /** Reading an objective to change its measurements is a write on it: contributors only on their own. */
  async function forWriting(actor: Actor, id: string): Promise<Objective> {
    authorize(actor, 'records:write');
    const objective = isUuid(id) ? await loadObjective(db.kysely, id) : undefined;
    if (!objective) throw new NotFoundError('objective', id);
    assertOwnership(actor, objective.ownerId);
    assertMeasurable(objective);
    return objective;
  }

  return {
    ...register,

    async list(actor: Actor, query: ObjectiveListQuery): Promise<ListPage<Objective>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listObjectives(db.kysely, db.dialect, query);
      const latest = await latestMeasurements(
        db.kysely,
        rows.map((r) => r.id),
      );
      const now = new Date();
      return {
        items: rows.map((row) => presentObjective(row, latest.get(row.id), now)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    /** The history, oldest first, as the progress chart draws it. */
    async measurements(actor: Actor, id: string): Promise<{ items: Measurement[] }> {
      await register.get(actor, id);
      return { items: (await measurementsOf(db.kysely, id)).map(presentMeasurement) };
    },

    async recordMeasurement(actor: Actor, id: string, input: MeasurementCreate): Promise<Measurement> {
      const objective = await forWriting(actor, id);
      assertManual(objective);
      const now = nowIso();
      const measuredAt = input.measuredAt ? new Date(input.measuredAt).toISOString() : now;
      if (measuredAt > now) throw ValidationError.field('measuredAt', 'must not be in the future');
      return storeMeasurement(db, actor, objective, {
        value: input.value,
        note: input.note ?? '',
        measuredAt,
      });
    },

    /** Takes a measurement from an automatic objective's source now. */
    async measure(actor: Actor, id: string): Promise<Measurement> {
      const objective = await forWriting(actor, id);
      const reading = await readSource(db, objective, options);
      return storeMeasurement(db, actor, objective, { ...reading, measuredAt: nowIso() });
    },
  };
}

export type ObjectivesService = ReturnType<typeof createObjectivesService>;
