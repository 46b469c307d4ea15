import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { ContextIssuesTable, DB, InterestedPartiesTable } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { ownedBase } from '../shared/owned.js';
import type { IssueCreate, IssueUpdate, PartyCreate, PartyUpdate } from './schema.js';
import { issueListSpec, partyListSpec } from './schema.js';

export type IssueRow = ContextIssuesTable & { owner_name: string | null };
export type PartyRow = InterestedPartiesTable & { owner_name: string | null };

export function latestScope(db: Executor) {
  return db.selectFrom('scope_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export function scopeVersion(db: Executor, version: number) {
  return db.selectFrom('scope_versions').selectAll().where('version', '=', version).executeTakeFirst();
}

export function scopeVersions(db: Executor) {
  return db.selectFrom('scope_versions').selectAll().orderBy('version', 'desc').execute();
}

export async function scopeCounts(db: Executor) {
  const [versions, issues, parties] = await Promise.all([
    db
      .selectFrom('scope_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    db
      .selectFrom('context_issues')
      .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute(),
    db
      .selectFrom('interested_parties')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  const byKind = new Map(issues.map((r) => [r.kind, Number(r.n)]));
  return {
    versions: Number(versions?.n ?? 0),
    internal: byKind.get('internal') ?? 0,
    external: byKind.get('external') ?? 0,
    parties: Number(parties?.n ?? 0),
  };
}

export async function insertScopeVersion(
  trx: Transaction<DB>,
  row: {
    id: string;
    version: number;
    statement: string;
    boundaries: string;
    exclusions: string;
    author_label: string;
    author_user_id: string | null;
  },
  now: string,
) {
  await trx
    .insertInto('scope_versions')
    .values({ ...row, created_at: now, updated_at: now })
    .execute();
}

export function findIssue(db: Executor, id: string) {
  return ownedBase(db, 'context_issues')
    .selectAll('context_issues')
    .select('owner.name as owner_name')
    .where('context_issues.id', '=', id)
    .executeTakeFirst() as Promise<IssueRow | undefined>;
}

export function listIssues(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<IssueRow>(ownedBase(db, 'context_issues'), issueListSpec, query, dialect, (q) =>
    q.selectAll('context_issues').select('owner.name as owner_name'),
  );
}

export async function insertIssue(trx: Transaction<DB>, id: string, input: IssueCreate, now: string) {
  await trx
    .insertInto('context_issues')
    .values({
      id,
      kind: input.kind,
      title: input.title,
      description: input.description ?? '',
      category: input.category ?? 'organisational',
      effect: input.effect ?? 'risk',
      owner_id: input.ownerId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateIssue(trx: Transaction<DB>, id: string, input: IssueUpdate, now: string) {
  await trx
    .updateTable('context_issues')
    .set({
      kind: input.kind,
      title: input.title,
      description: input.description,
      category: input.category,
      effect: input.effect,
      owner_id: input.ownerId,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteIssue(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('context_issues').where('id', '=', id).execute();
}

export function findParty(db: Executor, id: string) {
  return ownedBase(db, 'interested_parties')
    .selectAll('interested_parties')
    .select('owner.name as owner_name')
    .where('interested_parties.id', '=', id)
    .executeTakeFirst() as Promise<PartyRow | undefined>;
}

export function listParties(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<PartyRow>(ownedBase(db, 'interested_parties'), partyListSpec, query, dialect, (q) =>
    q.selectAll('interested_parties').select('owner.name as owner_name'),
  );
}

export async function insertParty(trx: Transaction<DB>, id: string, input: PartyCreate, now: string) {
  await trx
    .insertInto('interested_parties')
    .values({
      id,
      name: input.name,
      category: input.category ?? 'internal',
      needs: input.needs ?? '',
      expectations: input.expectations ?? '',
      owner_id: input.ownerId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateParty(trx: Transaction<DB>, id: string, input: PartyUpdate, now: string) {
  await trx
    .updateTable('interested_parties')
    .set({
      name: input.name,
      category: input.category,
      needs: input.needs,
      expectations: input.expectations,
      owner_id: input.ownerId,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteParty(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('interested_parties').where('id', '=', id).execute();
}
