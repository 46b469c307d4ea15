import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import { day, instantBounds } from './period.js';
import { figure, type InputSection, type Period, titleOf } from './sections.js';

type Touchable = 'context_issues' | 'interested_parties';

/** Created or last changed within the period. */
function touchedIn(period: Period) {
  const { start, end } = instantBounds(period);
  return (eb: ExpressionBuilder<DB, Touchable>) =>
    eb.or([
      eb.and([eb('created_at', '>=', start), eb('created_at', '<', end)]),
      eb.and([eb('updated_at', '>=', start), eb('updated_at', '<', end)]),
    ]);
}

/** "Added" when created in the period; otherwise it was an older record changed in it. */
const addedIn = (period: Period) => (row: { created_at: string }) => {
  const { start, end } = instantBounds(period);
  return row.created_at >= start && row.created_at < end;
};

/** 9.3.2 b): changes in the external and internal issues relevant to the AIMS. */
export async function contextChanges(db: Executor, period: Period): Promise<InputSection> {
  const rows = await db
    .selectFrom('context_issues')
    .selectAll()
    .where(touchedIn(period))
    .orderBy('updated_at', 'desc')
    .execute();
  const added = addedIn(period);
  return {
    key: 'context_changes',
    title: titleOf('context_changes'),
    figures: [
      figure('changed_total', 'Issues added or changed', rows.length, true),
      figure('added', 'Added', rows.filter(added).length),
      figure('changed', 'Changed', rows.filter((r) => !added(r)).length),
      figure('external', 'External', rows.filter((r) => r.kind === 'external').length),
      figure('internal', 'Internal', rows.filter((r) => r.kind === 'internal').length),
    ],
    tables: [
      {
        title: 'Issues added or changed',
        columns: ['Issue', 'Kind', 'Category', 'Change', 'On'],
        rows: rows.map((r) => [
          r.title,
          r.kind,
          r.category,
          added(r) ? 'added' : 'changed',
          day(r.updated_at),
        ]),
      },
    ],
  };
}

/** 9.3.2 c): changes in the needs and expectations of interested parties. */
export async function interestedParties(db: Executor, period: Period): Promise<InputSection> {
  const rows = await db
    .selectFrom('interested_parties')
    .selectAll()
    .where(touchedIn(period))
    .orderBy('updated_at', 'desc')
    .execute();
  const added = addedIn(period);
  return {
    key: 'interested_parties',
    title: titleOf('interested_parties'),
    figures: [
      figure('changed_total', 'Parties added or changed', rows.length, true),
      figure('added', 'Added', rows.filter(added).length),
      figure('changed', 'Changed', rows.filter((r) => !added(r)).length),
    ],
    tables: [
      {
        title: 'Parties added or changed',
        columns: ['Party', 'Category', 'Change', 'On'],
        rows: rows.map((r) => [r.name, r.category, added(r) ? 'added' : 'changed', day(r.updated_at)]),
      },
    ],
  };
}
