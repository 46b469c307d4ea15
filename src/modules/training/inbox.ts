import type { Executor } from '../../db/database.js';
import type { InboxItem } from '../inbox/item.js';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function dueDetail(dueOn: string, today: string): string {
  const days = daysBetween(today, dueOn);
  if (days === 0) return 'Due today';
  if (days > 0) return `Due in ${days} day${days === 1 ? '' : 's'}`;
  return `Overdue by ${-days} day${days === -1 ? '' : 's'}`;
}

/** The person's open training assignments as inbox items, soonest due first. */
export async function trainingInboxItems(
  db: Executor,
  personId: string,
  today: string,
): Promise<InboxItem[]> {
  const rows = await db
    .selectFrom('training_assignments')
    .innerJoin('courses', 'courses.id', 'training_assignments.course_id')
    .select(['training_assignments.id', 'training_assignments.due_on', 'courses.title'])
    .where('training_assignments.person_id', '=', personId)
    .where('training_assignments.completed_at', 'is', null)
    .orderBy('training_assignments.due_on')
    .orderBy('training_assignments.id')
    .execute();
  return rows.map((row) => ({
    kind: 'training' as const,
    id: row.id,
    title: row.title,
    detail: dueDetail(row.due_on, today),
    dueOn: row.due_on,
    overdue: row.due_on < today,
    link: `/training?assignment=${row.id}`,
  }));
}
