import type { Executor } from '../../../db/database.js';
import { day, instantBounds } from './period.js';
import { figure, type InputSection, type Period, titleOf } from './sections.js';

/** 9.3.2 f): where improvement can come from: audit observations and opportunities, concerns, actions. */
export async function improvementOpportunities(db: Executor, period: Period): Promise<InputSection> {
  const { start, end } = instantBounds(period);
  const [findings, concerns, actions] = await Promise.all([
    db
      .selectFrom('audit_findings')
      .innerJoin('audits', 'audits.id', 'audit_findings.audit_id')
      .select(['audits.reference', 'audit_findings.type', 'audit_findings.description'])
      .where('audit_findings.type', 'in', ['opportunity', 'observation'])
      .where('audit_findings.created_at', '>=', start)
      .where('audit_findings.created_at', '<', end)
      .orderBy('audit_findings.created_at')
      .execute(),
    db
      .selectFrom('concerns')
      .select(['number'])
      .where('status', '=', 'closed')
      .where('closed_at', '>=', start)
      .where('closed_at', '<', end)
      .execute(),
    db
      .selectFrom('corrective_actions')
      .select(['reference', 'title', 'status', 'due_date'])
      .where('kind', '=', 'improvement')
      .where('status', 'in', ['planned', 'in_progress'])
      .orderBy('due_date')
      .execute(),
  ]);
  const count = (type: string) => findings.filter((f) => f.type === type).length;
  return {
    key: 'improvement_opportunities',
    title: titleOf('improvement_opportunities'),
    figures: [
      figure('opportunities', 'Audit opportunities for improvement', count('opportunity'), true),
      figure('observations', 'Audit observations', count('observation')),
      figure('concerns_closed', 'Concerns closed in the period', concerns.length, true),
      figure('improvement_actions_open', 'Open improvement actions', actions.length, true),
    ],
    tables: [
      {
        title: 'Audit observations and opportunities',
        columns: ['Audit', 'Type', 'Finding'],
        rows: findings.map((f) => [f.reference, f.type, f.description]),
      },
      {
        title: 'Open improvement actions',
        columns: ['Reference', 'Action', 'Status', 'Due'],
        rows: actions.map((a) => [a.reference, a.title, a.status, day(a.due_date)]),
      },
    ],
  };
}
