import type { Executor } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import type { Coverage, CoverageTotals } from './programme-schema.js';
import { requirementsInScope } from './scope.js';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 100) / whole));

/** The checklist items of the programme's audits that still count: cancelled audits plan nothing. */
function plannedItems(db: Executor, programmeId: string) {
  return db
    .selectFrom('audit_checklist_items as i')
    .innerJoin('audits as a', 'a.id', 'i.audit_id')
    .select(['i.requirement_id', 'i.result', 'a.id', 'a.reference', 'a.status', 'a.planned_start'])
    .where('a.programme_id', '=', programmeId)
    .where('a.status', '!=', 'cancelled')
    .orderBy('a.planned_start')
    .orderBy('a.reference')
    .execute();
}

/**
 * How far an audit programme covers its scope (9.2.2): for every clause and applicable Annex A control,
 * whether an audit plans it and whether a completed audit gave it a result, with the gaps left.
 * Used by the programme API and by certification readiness.
 */
export async function programmeCoverage(db: Executor, programmeId: string): Promise<Coverage> {
  const programme = await db
    .selectFrom('audit_programmes')
    .select(['id', 'framework_id'])
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) throw new NotFoundError('audit programme', programmeId);
  const [scope, items] = await Promise.all([
    requirementsInScope(db, programme.framework_id),
    plannedItems(db, programmeId),
  ]);
  const auditsOf = new Map<string, Coverage['requirements'][number]['audits']>();
  for (const item of items)
    auditsOf.set(item.requirement_id, [
      ...(auditsOf.get(item.requirement_id) ?? []),
      { id: item.id, reference: item.reference, status: item.status, result: item.result },
    ]);
  const requirements = scope.map((r) => {
    const audits = auditsOf.get(r.id) ?? [];
    return {
      requirementId: r.id,
      ref: r.ref,
      title: r.title,
      kind: r.kind as 'clause' | 'control',
      planned: audits.length > 0,
      audited: audits.some((a) => a.status === 'completed' && a.result !== null),
      audits,
    };
  });
  return {
    programmeId,
    frameworkId: programme.framework_id,
    totals: coverageTotals(requirements),
    requirements,
    gaps: requirements
      .filter((r) => !r.planned)
      .map(({ requirementId, ref, title }) => ({ requirementId, ref, title })),
  };
}

export function coverageTotals(rows: Array<{ planned: boolean; audited: boolean }>): CoverageTotals {
  const planned = rows.filter((r) => r.planned).length;
  const audited = rows.filter((r) => r.audited).length;
  return {
    requirements: rows.length,
    planned,
    audited,
    percentPlanned: percent(planned, rows.length),
    percentAudited: percent(audited, rows.length),
  };
}
