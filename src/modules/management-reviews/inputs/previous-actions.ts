import type { Executor } from '../../../db/database.js';
import { isTracked } from '../presenter.js';
import { countBy, day } from './period.js';
import { figure, type InputSection, type Period, titleOf } from './sections.js';

/** 9.3.2 a): the outputs of earlier completed reviews and where each stands at the end of the period. */
export async function previousActions(db: Executor, period: Period): Promise<InputSection> {
  const rows = await db
    .selectFrom('management_review_outputs as o')
    .innerJoin('management_reviews as r', 'r.id', 'o.review_id')
    .leftJoin('people as owner', 'owner.id', 'o.owner_id')
    .select([
      'r.title as review_title',
      'r.held_on',
      'o.kind',
      'o.description',
      'o.status',
      'o.due_date',
      'o.owner_id',
      'owner.name as owner_name',
    ])
    .where('r.id', '<>', period.reviewId)
    .where('r.status', '=', 'completed')
    .where('r.held_on', '<=', period.to)
    .orderBy('r.held_on', 'desc')
    .orderBy('o.created_at')
    .execute();
  const overdue = (r: (typeof rows)[number]) => r.status === 'open' && !!r.due_date && r.due_date < period.to;
  // Decisions without an owner and a due date are recorded, not followed up: only actions have a status.
  const actions = rows.filter(isTracked);
  const status = countBy(actions, (r) => r.status);
  const shownStatus = (r: (typeof rows)[number]) =>
    !isTracked(r) ? 'recorded' : overdue(r) ? 'overdue' : r.status;
  return {
    key: 'previous_actions',
    title: titleOf('previous_actions'),
    figures: [
      figure('total', 'Outputs of earlier reviews', rows.length),
      figure('tracked', 'Tracked actions', actions.length),
      figure('open', 'Actions open', status('open'), true),
      figure('done', 'Actions done', status('done'), true),
      figure('cancelled', 'Actions cancelled', status('cancelled')),
      figure('overdue', 'Actions overdue', actions.filter(overdue).length, true),
    ],
    tables: [
      {
        title: 'Outputs of earlier reviews',
        columns: ['Review', 'Kind', 'Description', 'Owner', 'Due', 'Status'],
        rows: rows.map((r) => [
          `${r.review_title} (${day(r.held_on)})`,
          r.kind,
          r.description,
          r.owner_name ?? '',
          day(r.due_date),
          shownStatus(r),
        ]),
      },
    ],
  };
}
