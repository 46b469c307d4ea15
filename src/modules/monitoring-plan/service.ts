import type { Transaction } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { createRegisterService } from '../shared/register-service.js';
import { appendTrail } from '../trail/service.js';
import { renderPlan } from './export.js';
import { presentPlanItem } from './presenter.js';
import {
  allPlanItems,
  deletePlanItem,
  findPlanItem,
  insertPlanItem,
  linksOf,
  listPlanItems,
  type PlanItemRow,
  replaceLinkTargets,
  updatePlanItem,
} from './repository.js';
import { NO_RESULTS, resultsOf } from './results.js';
import { assertPlanReferences } from './rules.js';
import type { AnalysisCreate, PlanItem, PlanItemCreate, PlanItemUpdate, PlanListQuery } from './schema.js';

async function present(db: Executor, rows: PlanItemRow[]): Promise<PlanItem[]> {
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
  );
  const results = await resultsOf(db, links);
  const today = todayIso();
  return rows.map((row) => presentPlanItem(row, results.get(row.id) ?? NO_RESULTS, today));
}

async function loadPlanItem(db: Executor, id: string): Promise<PlanItem | undefined> {
  const row = await findPlanItem(db, id);
  return row && (await present(db, [row]))[0];
}

async function writeLinks(trx: Transaction<DB>, id: string, input: PlanItemUpdate) {
  if (input.testIds) await replaceLinkTargets(trx, id, 'test', input.testIds);
  if (input.objectiveIds) await replaceLinkTargets(trx, id, 'objective', input.objectiveIds);
}

function assertAnalyst(actor: Actor, item: PlanItem) {
  if (actor.role === 'admin' || actor.role === 'manager') return;
  if (!actor.personId || item.analystId !== actor.personId)
    throw new ForbiddenError('Only the item’s analyst, managers and admins may record its analysis.');
}

const columns = (input: PlanItemUpdate) => ({
  subject: input.subject,
  method: input.method,
  frequency: input.frequency,
  analyst_id: input.analystId,
  analysis_schedule: input.analysisSchedule,
  requirement_refs: input.requirementRefs && JSON.stringify(input.requirementRefs),
});

/**
 * The monitoring and measurement plan (9.1): what is monitored, how, when, and who analyses it. Management sets
 * the plan; the named analyst records each analysis of its results.
 */
export function createMonitoringPlanService(db: Db) {
  const register = createRegisterService<PlanItemCreate, PlanItemUpdate, PlanItem>(db, {
    entityType: 'monitoring_plan_item',
    label: 'monitoring plan item',
    permissions: { read: 'records:read', write: 'aims:configure', delete: 'aims:configure' },
    load: loadPlanItem,
    validate: assertPlanReferences,
    async insert(trx, id, input, now) {
      const c = columns(input);
      await insertPlanItem(
        trx,
        id,
        {
          subject: input.subject,
          method: c.method ?? '',
          frequency: input.frequency,
          analyst_id: c.analyst_id ?? null,
          analysis_schedule: c.analysis_schedule ?? '',
          requirement_refs: c.requirement_refs ?? '[]',
          last_analysed_at: null,
          analysis_notes: '',
        },
        now,
      );
      await writeLinks(trx, id, input);
    },
    async patch(trx, id, input, now) {
      await updatePlanItem(trx, id, columns(input), now);
      await writeLinks(trx, id, input);
    },
    remove: deletePlanItem,
  });

  return {
    ...register,

    async list(actor: Actor, query: PlanListQuery): Promise<ListPage<PlanItem>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listPlanItems(db.kysely, db.dialect, query);
      return { items: await present(db.kysely, rows), total, limit: query.limit, offset: query.offset };
    },

    /** Records that the item's results were analysed and evaluated (9.1 d–f): its analyst, managers or admins. */
    async recordAnalysis(actor: Actor, id: string, input: AnalysisCreate): Promise<PlanItem> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        const before = isUuid(id) ? await loadPlanItem(trx, id) : undefined;
        if (!before) throw new NotFoundError('monitoring plan item', id);
        assertAnalyst(actor, before);
        const now = nowIso();
        const analysedAt = input.analysedAt ? new Date(input.analysedAt).toISOString() : now;
        if (analysedAt > now) throw ValidationError.field('analysedAt', 'must not be in the future');
        await updatePlanItem(trx, id, { last_analysed_at: analysedAt, analysis_notes: input.notes }, now);
        const after = (await loadPlanItem(trx, id)) as PlanItem;
        await appendTrail(db, trx, actor, {
          entityType: 'monitoring_plan_item',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },

    async exportPlan(actor: Actor, format: 'xlsx') {
      authorize(actor, 'records:read');
      return renderPlan(await present(db.kysely, await allPlanItems(db.kysely)), format);
    },
  };
}

export type MonitoringPlanService = ReturnType<typeof createMonitoringPlanService>;
