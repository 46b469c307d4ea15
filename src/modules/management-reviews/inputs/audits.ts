import type { Executor } from '../../../db/database.js';
import { countBy, day, instantBounds } from './period.js';
import { figure, type InputSection, inPeriod, type Period, titleOf } from './sections.js';

const FINDING_TYPES = [
  ['major_nc', 'Major nonconformities found'],
  ['minor_nc', 'Minor nonconformities found'],
  ['observation', 'Observations'],
  ['opportunity', 'Opportunities for improvement'],
] as const;

/** 9.3.2 d) 3: internal audits completed in the period with their findings, and external audits. */
export async function auditResults(db: Executor, period: Period): Promise<InputSection> {
  const { start, end } = instantBounds(period);
  const audits = await db
    .selectFrom('audits')
    .select(['id', 'reference', 'title', 'completed_at'])
    .where('status', '=', 'completed')
    .where('completed_at', '>=', start)
    .where('completed_at', '<', end)
    .orderBy('completed_at')
    .execute();
  const [findings, external] = await Promise.all([
    audits.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('audit_findings')
          .select(['audit_id', 'type'])
          .where(
            'audit_id',
            'in',
            audits.map((a) => a.id),
          )
          .execute(),
    db
      .selectFrom('external_audits')
      .select(['kind', 'planned_end', 'lead_auditor', 'result'])
      .where('status', '=', 'completed')
      .orderBy('planned_end')
      .execute(),
  ]);
  const byType = countBy(findings, (f) => f.type);
  const externalInPeriod = external.filter((e) => inPeriod(period, e.planned_end));
  return {
    key: 'audit_results',
    title: titleOf('audit_results'),
    figures: [
      figure('internal_completed', 'Internal audits completed', audits.length, true),
      figure('findings', 'Findings', findings.length, true),
      ...FINDING_TYPES.map(([type, label]) => figure(type, label, byType(type), type === 'major_nc')),
      figure('external_completed', 'External audits completed', externalInPeriod.length),
    ],
    tables: [
      {
        title: 'Internal audits completed',
        columns: ['Reference', 'Title', 'Completed', 'Findings'],
        rows: audits.map((a) => [
          a.reference,
          a.title,
          day(a.completed_at),
          String(findings.filter((f) => f.audit_id === a.id).length),
        ]),
      },
      {
        title: 'External audits completed',
        columns: ['Kind', 'Ended', 'Lead auditor', 'Result'],
        rows: externalInPeriod.map((e) => [e.kind, day(e.planned_end), e.lead_auditor, e.result]),
      },
    ],
  };
}
