import type { Transaction } from 'kysely';
import type { ImpactLevel } from '../../content/impact-templates.js';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { addDays, nowIso } from '../../lib/time.js';
import { DUE_SOON_DAYS, type SystemStatus } from './schema.js';

/**
 * Where each AI system (but retired ones) stands: never assessed; re-assessment asked for (by a material
 * change, with its own due day); the approved assessment's cadence running out; or current.
 */
export async function systemStatuses(
  db: Executor,
  today: string,
  aiSystemId?: string,
): Promise<SystemStatus[]> {
  let systems = db
    .selectFrom('ai_systems')
    .select(['id', 'name', 'risk_tier', 'lifecycle_stage'])
    .where('lifecycle_stage', '!=', 'retired')
    .orderBy('name');
  if (aiSystemId) systems = systems.where('id', '=', aiSystemId);
  const [rows, approved, triggers] = await Promise.all([
    systems.execute(),
    db
      .selectFrom('impact_assessments')
      .select(['ai_system_id', 'version', 'approved_at', 'impact_level', 'next_review_due'])
      .where('status', '=', 'approved')
      .execute(),
    db.selectFrom('impact_assessment_triggers').selectAll().execute(),
  ]);
  const approvedOf = new Map(approved.map((a) => [a.ai_system_id, a]));
  const triggerOf = new Map(triggers.map((t) => [t.ai_system_id, t]));
  return rows.map((s) => {
    const a = approvedOf.get(s.id);
    const trigger = triggerOf.get(s.id);
    const common = {
      aiSystemId: s.id,
      aiSystemName: s.name,
      riskTier: s.risk_tier,
      stage: s.lifecycle_stage,
      approvedVersion: a ? Number(a.version) : null,
      approvedAt: a?.approved_at ?? null,
      impactLevel: (a?.impact_level as ImpactLevel | undefined) ?? null,
    };
    if (trigger)
      return {
        ...common,
        status: trigger.due_on < today ? 'overdue' : 'due',
        dueOn: trigger.due_on,
        reason: trigger.reason,
      };
    if (!a)
      return { ...common, status: 'missing', dueOn: null, reason: 'No approved impact assessment yet.' };
    const due = a.next_review_due as string;
    if (due < today)
      return { ...common, status: 'overdue', dueOn: due, reason: 'The review cadence ran out.' };
    if (due <= addDays(today, DUE_SOON_DAYS))
      return { ...common, status: 'due', dueOn: due, reason: 'The review cadence runs out soon.' };
    return { ...common, status: 'current', dueOn: due, reason: 'Approved and within its review cadence.' };
  });
}

/**
 * Asks for a fresh assessment of one system before its cadence runs out (a material change, an incident);
 * the earliest due day wins when asked twice. Approving the next assessment clears it.
 */
export async function requireReassessment(
  trx: Transaction<DB>,
  aiSystemId: string,
  request: { reason: string; dueOn: string; sourceType?: string; sourceId?: string },
) {
  const existing = await trx
    .selectFrom('impact_assessment_triggers')
    .select('due_on')
    .where('ai_system_id', '=', aiSystemId)
    .executeTakeFirst();
  if (existing && existing.due_on <= request.dueOn) return;
  await trx.deleteFrom('impact_assessment_triggers').where('ai_system_id', '=', aiSystemId).execute();
  await trx
    .insertInto('impact_assessment_triggers')
    .values({
      ai_system_id: aiSystemId,
      reason: request.reason,
      due_on: request.dueOn,
      raised_at: nowIso(),
      source_type: request.sourceType ?? null,
      source_id: request.sourceId ?? null,
    })
    .execute();
}
