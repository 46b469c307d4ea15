import type { Executor } from '../../db/database.js';
import { addDays } from '../../lib/time.js';
import type { InboxItem } from '../inbox/item.js';
import { REVIEW_DUE_SOON_DAYS } from './schema.js';

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
export const dueText = (dueOn: string, today: string) => {
  const n = days(today, dueOn);
  return n < 0
    ? `Overdue by ${-n} day${n === -1 ? '' : 's'}`
    : n === 0
      ? 'Due today'
      : `Due in ${n} day${n === 1 ? '' : 's'}`;
};

/** Policies the person has yet to acknowledge, and policies they own whose review falls due. */
export async function policyInboxItems(db: Executor, personId: string, today: string): Promise<InboxItem[]> {
  const [acks, reviews] = await Promise.all([
    db
      .selectFrom('policy_acknowledgements as a')
      .innerJoin('policies as p', (join) =>
        join.onRef('p.id', '=', 'a.policy_id').onRef('p.published_version', '=', 'a.version'),
      )
      .select(['p.id', 'p.title', 'a.version', 'a.due_on'])
      .where('a.person_id', '=', personId)
      .where('a.acknowledged_at', 'is', null)
      .where('p.status', '!=', 'retired')
      .execute(),
    db
      .selectFrom('policies')
      .select(['id', 'title', 'next_review_due'])
      .where('owner_id', '=', personId)
      .where('status', '!=', 'retired')
      .where('next_review_due', '<=', addDays(today, REVIEW_DUE_SOON_DAYS))
      .execute(),
  ]);
  return [
    ...acks.map((a) => ({
      kind: 'policy_acknowledgement' as const,
      id: a.id,
      title: `Read and acknowledge: ${a.title}`,
      detail: `Version ${Number(a.version)} · ${dueText(a.due_on, today)}`,
      dueOn: a.due_on,
      overdue: a.due_on < today,
      link: `/policies/${a.id}`,
    })),
    ...reviews.map((p) => ({
      kind: 'policy_review' as const,
      id: p.id,
      title: `Review policy: ${p.title}`,
      detail: dueText(p.next_review_due as string, today),
      dueOn: p.next_review_due,
      overdue: (p.next_review_due as string) < today,
      link: `/policies/${p.id}`,
    })),
  ];
}
