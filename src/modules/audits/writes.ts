import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { ConflictError, ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertReferences } from '../shared/references.js';
import { deleteChecklist, insertChecklist } from './checklist-repository.js';
import { assertJustified, findIndependenceWarnings } from './independence.js';
import { planChecklist, resolveFramework } from './plan.js';
import { DEFAULT_FRAMEWORK } from './programme-schema.js';
import { insertAudit, nextReference, replaceTeam, updateAudit } from './repository.js';
import type { Audit, AuditCreate, AuditUpdate } from './schema.js';
import type { ScopedRequirement } from './scope.js';

interface WriteContext {
  db: Db;
  trx: Transaction<DB>;
  now: string;
}

async function checkFields(
  trx: Transaction<DB>,
  input: Partial<AuditCreate>,
  dates: { start: string; end: string },
) {
  await assertReferences(trx, [
    { field: 'leadAuditorId', table: 'people', ids: input.leadAuditorId },
    { field: 'teamIds', table: 'people', ids: input.teamIds },
  ]);
  if (dates.end < dates.start) throw ValidationError.field('plannedEnd', 'must not be before plannedStart');
}

function checklistRows(auditId: string, requirements: ScopedRequirement[], now: string) {
  return requirements.map((r, index) => ({
    id: newId(),
    audit_id: auditId,
    requirement_id: r.id,
    position: index + 1,
    result: null,
    notes: '',
    sampled_evidence_ids: '[]',
    assessed_by: null,
    assessed_at: null,
    created_at: now,
    updated_at: now,
  }));
}

/** A new audit: its number, team and a checklist generated from the requirements in scope. */
export async function createAuditRows(ctx: WriteContext, id: string, input: AuditCreate) {
  const { db, trx, now } = ctx;
  await checkFields(trx, input, { start: input.plannedStart, end: input.plannedEnd });
  const frameworkId = await resolveFramework(trx, input, DEFAULT_FRAMEWORK);
  const requirements = await planChecklist(trx, { frameworkId, requirementRefs: input.requirementRefs });
  const auditors = [input.leadAuditorId, ...(input.teamIds ?? [])];
  const warnings = await findIndependenceWarnings(
    trx,
    auditors,
    requirements.map((r) => r.id),
  );
  const justification = input.independenceJustification?.trim() ?? '';
  await assertJustified(trx, warnings, justification);
  const ref = await nextReference(trx, db.dialect, Number(input.plannedStart.slice(0, 4)));
  await insertAudit(trx, {
    id,
    reference: ref.reference,
    ref_year: ref.year,
    ref_number: ref.number,
    programme_id: input.programmeId ?? null,
    title: input.title,
    scope: input.scope ?? '',
    criteria: input.criteria ?? '',
    framework_id: frameworkId,
    lead_auditor_id: input.leadAuditorId,
    planned_start: input.plannedStart,
    planned_end: input.plannedEnd,
    status: 'planned',
    independence_warnings: JSON.stringify(warnings),
    independence_justification: justification,
    conclusion: '',
    started_at: null,
    completed_at: null,
    created_at: now,
    updated_at: now,
  });
  await replaceTeam(trx, id, input.teamIds ?? []);
  await insertChecklist(trx, checklistRows(id, requirements, now));
}

/** Changes while the audit is open; the warnings are worked out again for the new team or scope. */
export async function patchAuditRows(ctx: WriteContext, id: string, input: AuditUpdate, existing: Audit) {
  const { trx, now } = ctx;
  if (existing.status === 'completed' || existing.status === 'cancelled')
    throw new ConflictError(`The audit is ${existing.status}; it can no longer change.`);
  if (input.requirementRefs && existing.status !== 'planned')
    throw new ConflictError(
      'The audit has started; its checklist can no longer be regenerated.',
      'requirementRefs',
    );
  await checkFields(trx, input, {
    start: input.plannedStart ?? existing.plannedStart,
    end: input.plannedEnd ?? existing.plannedEnd,
  });
  if (input.programmeId !== undefined)
    await resolveFramework(
      trx,
      { programmeId: input.programmeId, frameworkId: existing.frameworkId },
      existing.frameworkId,
    );
  const requirements = input.requirementRefs
    ? await planChecklist(trx, { frameworkId: existing.frameworkId, requirementRefs: input.requirementRefs })
    : undefined;
  const lead = input.leadAuditorId ?? existing.leadAuditorId;
  const auditors = [...(lead ? [lead] : []), ...(input.teamIds ?? existing.teamIds)];
  const requirementIds = requirements?.map((r) => r.id) ?? existing.checklist.map((i) => i.requirementId);
  const warnings = await findIndependenceWarnings(trx, auditors, requirementIds);
  const justification = (input.independenceJustification ?? existing.independenceJustification).trim();
  await assertJustified(trx, warnings, justification);
  await updateAudit(trx, id, {
    title: input.title,
    scope: input.scope,
    criteria: input.criteria,
    programme_id: input.programmeId,
    lead_auditor_id: input.leadAuditorId,
    planned_start: input.plannedStart,
    planned_end: input.plannedEnd,
    independence_warnings: JSON.stringify(warnings),
    independence_justification: justification,
    updated_at: now,
  });
  if (input.teamIds) await replaceTeam(trx, id, input.teamIds);
  if (requirements) {
    await deleteChecklist(trx, id);
    await insertChecklist(trx, checklistRows(id, requirements, now));
  }
}
