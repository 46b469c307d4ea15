import type { Executor } from '../../db/database.js';
import { addDays } from '../../lib/time.js';
import type { InboxItem } from '../inbox/item.js';

/** How far ahead a lead auditor sees an audit coming, to prepare the plan and tell the auditees. */
const LEAD_TIME_DAYS = 14;

/** A lead auditor's work: audits starting within two weeks (or late to start), and audits running late. */
export async function auditInboxItems(db: Executor, personId: string, today: string): Promise<InboxItem[]> {
  const rows = await db
    .selectFrom('audits')
    .select(['id', 'reference', 'title', 'status', 'planned_start', 'planned_end'])
    .where('lead_auditor_id', '=', personId)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'planned'), eb('planned_start', '<=', addDays(today, LEAD_TIME_DAYS))]),
        eb.and([eb('status', '=', 'in_progress'), eb('planned_end', '<', today)]),
      ]),
    )
    .orderBy('planned_start')
    .execute();
  return rows.map((row) => {
    const planned = row.status === 'planned';
    return {
      kind: 'audit' as const,
      id: row.id,
      title: `${planned ? 'Start' : 'Complete'} internal audit ${row.reference}: ${row.title}`,
      detail: planned
        ? `Planned ${row.planned_start} to ${row.planned_end}; you are the lead auditor.`
        : `Was planned to end on ${row.planned_end}; record the remaining results and the conclusion.`,
      dueOn: planned ? row.planned_start : row.planned_end,
      overdue: planned ? row.planned_start < today : true,
      link: `/audits/${row.id}`,
    };
  });
}
