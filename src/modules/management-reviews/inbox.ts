import type { Executor } from '../../db/database.js';
import { addDays } from '../../lib/time.js';
import type { InboxItem } from '../inbox/item.js';
import { isOverdueOutput } from './presenter.js';
import { openActionsOf } from './repository.js';

const HORIZON_DAYS = 14;
const DETAIL_LENGTH = 140;

const clip = (text: string) => (text.length > DETAIL_LENGTH ? `${text.slice(0, DETAIL_LENGTH - 1)}…` : text);

/** Review actions a person owns that fall due within two weeks (or are overdue), and reviews they chair soon. */
export async function managementReviewInboxItems(
  db: Executor,
  personId: string,
  today: string,
): Promise<InboxItem[]> {
  const until = addDays(today, HORIZON_DAYS);
  const [actions, chaired] = await Promise.all([
    openActionsOf(db, personId, until),
    db
      .selectFrom('management_reviews')
      .select(['id', 'title', 'scheduled_for', 'location'])
      .where('chair_id', '=', personId)
      .where('status', '=', 'planned')
      .where('scheduled_for', '<=', until)
      .orderBy('scheduled_for')
      .execute(),
  ]);
  return [
    ...actions.map((a) => ({
      kind: 'review_action' as const,
      id: a.id,
      title: `Review action: ${clip(a.description)}`,
      detail: `From ${a.review_title}`,
      dueOn: a.due_date,
      overdue: isOverdueOutput(a, today),
      link: `/management-reviews/${a.review_id}`,
    })),
    // Review ids and output ids are both UUIDs, so they never collide within the kind.
    ...chaired.map((r) => ({
      kind: 'review_action' as const,
      id: r.id,
      title: `Chair the management review: ${r.title}`,
      detail: r.location
        ? `At ${r.location}; prepare the inputs and notes.`
        : 'Prepare the inputs and notes.',
      dueOn: r.scheduled_for,
      overdue: r.scheduled_for < today,
      link: `/management-reviews/${r.id}`,
    })),
  ];
}
