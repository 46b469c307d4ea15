import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB, IssuesTable } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { issueListSpec, SEVERITY_RANK_COLUMN } from './schema.js';

export type IssueRow = IssuesTable & { test_title: string; owner_name: string | null };

const severityRank = sql<number>`case ${sql.ref('issues.severity')} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

function issueBase(db: Executor) {
  return db
    .selectFrom('issues')
    .innerJoin('tests', 'tests.id', 'issues.test_id')
    .leftJoin('people as owner', 'owner.id', 'issues.owner_id');
}

export function findIssue(db: Executor, id: string) {
  return issueBase(db)
    .selectAll('issues')
    .select(['tests.title as test_title', 'tests.remediation', 'owner.name as owner_name'])
    .where('issues.id', '=', id)
    .executeTakeFirst();
}

export function listIssues(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<IssueRow>(
    issueBase(db),
    issueListSpec,
    query,
    dialect,
    (q) =>
      q
        .selectAll('issues')
        .select([
          'tests.title as test_title',
          'owner.name as owner_name',
          severityRank.as(SEVERITY_RANK_COLUMN),
        ]),
    db.selectFrom('issues'),
  );
}

export function commentsOf(db: Executor, issueId: string) {
  return db
    .selectFrom('issue_comments')
    .selectAll()
    .where('issue_id', '=', issueId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The transitions with the snapshot each one evaluated. */
export function transitionsWithSnapshots(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('test_transitions')
    .innerJoin('resource_snapshots', 'resource_snapshots.sha256', 'test_transitions.snapshot_sha256')
    .selectAll('test_transitions')
    .select('resource_snapshots.attributes')
    .where('test_transitions.id', 'in', ids)
    .execute();
}

/** Changes an open issue only; returns false when the engine resolved it in the meantime. */
export async function updateOpenIssue(
  trx: Transaction<DB>,
  id: string,
  changes: { owner_id?: string | null; due_at?: string },
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('issues')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertComment(trx: Transaction<DB>, row: DB['issue_comments']): Promise<void> {
  await trx.insertInto('issue_comments').values(row).execute();
}
