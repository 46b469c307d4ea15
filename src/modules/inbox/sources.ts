import type { Executor } from '../../db/database.js';
import { addDays } from '../../lib/time.js';
import { dueText } from '../policies/inbox.js';
import type { InboxItem } from './item.js';

/** Open monitoring issues the person owns. */
export async function issueInboxItems(db: Executor, personId: string, today: string): Promise<InboxItem[]> {
  const rows = await db
    .selectFrom('issues')
    .select(['id', 'number', 'title', 'severity', 'due_at'])
    .where('owner_id', '=', personId)
    .where('status', '=', 'open')
    .execute();
  return rows.map((r) => {
    const dueOn = r.due_at.slice(0, 10);
    return {
      kind: 'issue',
      id: r.id,
      title: `Issue #${Number(r.number)}: ${r.title}`,
      detail: `${r.severity} · ${dueText(dueOn, today)}`,
      dueOn,
      overdue: dueOn < today,
      link: `/issues?issue=${r.id}`,
    };
  });
}

const REVIEWED = [
  { table: 'ai_systems', label: 'AI system', link: (id: string) => `/ai-systems/${id}` },
  { table: 'vendors', label: 'vendor', link: (id: string) => `/vendors?vendor=${id}` },
  { table: 'controls', label: 'control', link: (id: string) => `/controls?control=${id}` },
] as const;

/** Records the person owns whose periodic review is due within 30 days or overdue. */
export async function reviewInboxItems(db: Executor, personId: string, today: string): Promise<InboxItem[]> {
  const soon = addDays(today, 30);
  const items: InboxItem[] = [];
  for (const source of REVIEWED) {
    const rows = await db
      .selectFrom(source.table)
      .select(['id', 'name', 'next_review_due'])
      .where('owner_id', '=', personId)
      .where('next_review_due', '<=', soon)
      .execute();
    for (const r of rows)
      items.push({
        kind: 'record_review',
        id: r.id,
        title: `Review ${source.label}: ${r.name}`,
        detail: dueText(r.next_review_due as string, today),
        dueOn: r.next_review_due,
        overdue: (r.next_review_due as string) < today,
        link: source.link(r.id),
      });
  }
  return items;
}
