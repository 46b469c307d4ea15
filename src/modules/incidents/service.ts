import type { Db, Executor } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { appendTrail } from '../trail/service.js';
import { createTrainingService, type TrainingService } from '../training/service.js';
import { createIncidentActions } from './actions.js';
import {
  INCIDENT_SETTINGS_KEY,
  type IncidentSettings,
  readIncidentSettings,
  writeIncidentSettings,
} from './deadlines.js';
import { notificationsOf, timelineOf } from './notification-repository.js';
import { presentIncident } from './presenter.js';
import { deleteIncident, findIncident, type IncidentRow, listIncidents, systemsOf } from './repository.js';
import type { Incident, IncidentCreate, IncidentListQuery, IncidentUpdate } from './schema.js';
import { createIncidentTraining } from './training.js';
import { createIncidentRows, patchIncidentRows } from './writes.js';

async function present(db: Executor, rows: IncidentRow[]): Promise<Incident[]> {
  const ids = rows.map((r) => r.id);
  const [systems, notifications, timeline] = await Promise.all([
    systemsOf(db, ids),
    notificationsOf(db, ids),
    timelineOf(db, ids),
  ]);
  const now = Date.now();
  return rows.map((row) =>
    presentIncident(
      row,
      {
        systems: systems.get(row.id),
        notifications: notifications.get(row.id),
        timeline: timeline.get(row.id),
      },
      now,
    ),
  );
}

export async function loadIncident(db: Executor, id: string): Promise<Incident | undefined> {
  const row = isUuid(id) ? await findIncident(db, id) : undefined;
  return row && (await present(db, [row]))[0];
}

const validate = (executor: Executor, input: Partial<IncidentCreate>) =>
  assertReferences(executor, [
    { field: 'ownerId', table: 'people', ids: input.ownerId },
    { field: 'aiSystemIds', table: 'ai_systems', ids: input.aiSystemIds },
  ]);

/** AI incidents (ISO/IEC 42001 A.8.4) and the notifications the EU AI Act and GDPR ask for. */
export function createIncidentsService(db: Db, deps: { training?: TrainingService } = {}) {
  const register = createRegisterService<IncidentCreate, IncidentUpdate, Incident>(db, {
    entityType: 'incident',
    label: 'incident',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: loadIncident,
    validate,
    insert: (trx, id, input, now, actor) => createIncidentRows({ db, trx, actor, now }, id, input),
    // Updates go through `update` below, which needs the actor for the timeline.
    patch: async () => {},
    remove: deleteIncident,
  });

  async function mustLoad(executor: Executor, id: string): Promise<Incident> {
    const incident = await loadIncident(executor, id);
    if (!incident) throw new NotFoundError('incident', id);
    return incident;
  }

  const actions = createIncidentActions(db, mustLoad);
  // Built on first use unless given: the training service is wired beside this one, not inside it.
  const assignTraining = createIncidentTraining(db, mustLoad, () => {
    deps.training ??= createTrainingService(db);
    return deps.training;
  });

  return {
    get: register.get,
    create: register.create,
    remove: register.remove,

    async list(actor: Actor, query: IncidentListQuery): Promise<ListPage<Incident>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listIncidents(db.kysely, db.dialect, query);
      return { items: await present(db.kysely, rows), total, limit: query.limit, offset: query.offset };
    },

    /** The register's rules (owner, trail, one transaction), plus the timeline and deadlines. */
    async update(actor: Actor, id: string, input: IncidentUpdate): Promise<Incident> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        const before = await mustLoad(trx, id);
        assertOwnership(actor, before.ownerId, input.ownerId);
        await validate(trx, input);
        await patchIncidentRows({ db, trx, actor, now: nowIso() }, id, input, before);
        const after = await mustLoad(trx, id);
        await appendTrail(db, trx, actor, {
          entityType: 'incident',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },

    addNotification: actions.addNotification,
    updateNotification: actions.updateNotification,
    addTimelineEntry: actions.addTimelineEntry,
    assignTraining,

    async settings(actor: Actor): Promise<IncidentSettings> {
      authorize(actor, 'records:read');
      return readIncidentSettings(db.kysely);
    },

    /** New windows apply to deadlines computed from now on: new incidents, and changes to existing ones. */
    async updateSettings(actor: Actor, input: IncidentSettings): Promise<IncidentSettings> {
      authorize(actor, 'aims:configure');
      return db.transaction(async (trx) => {
        const before = await readIncidentSettings(trx);
        await writeIncidentSettings(trx, input, nowIso());
        await appendTrail(db, trx, actor, {
          entityType: 'setting',
          entityId: INCIDENT_SETTINGS_KEY,
          action: 'update',
          before,
          after: input,
        });
        return input;
      });
    },
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
