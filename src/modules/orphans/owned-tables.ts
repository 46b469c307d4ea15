import type { Transaction } from 'kysely';
import type { Dialect } from '../../db/dialect.js';
import { readBool } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { definitionOf, saveTestVersion } from '../../monitoring/test-store.js';

type TableName = keyof DB & string;

export interface OwnedTable {
  table: TableName;
  /** The column shown as the record's title. */
  title: 'name' | 'title';
  /** Only rows in this state still need an owner (a resolved issue needs nobody). */
  onlyWhere?: { column: string; value: string };
  /** Replaces the plain owner update where the owner is part of a versioned definition. */
  move?(
    trx: Transaction<DB>,
    dialect: Dialect,
    ids: string[],
    to: { personId: string; author: string; now: string },
  ): Promise<void>;
}

/** A test's owner is part of its definition: moving it is a new version, as an edit would be. */
async function moveTests(
  trx: Transaction<DB>,
  dialect: Dialect,
  ids: string[],
  to: { personId: string; author: string; now: string },
) {
  const rows = await trx.selectFrom('tests').selectAll().where('id', 'in', ids).execute();
  for (const existing of rows) {
    await saveTestVersion(trx, dialect, {
      id: existing.id,
      definition: { ...definitionOf(existing), ownerId: to.personId },
      builtin: readBool(existing.builtin),
      disabledReason: existing.disabled_reason,
      contentHash: existing.content_hash,
      author: to.author,
      now: to.now,
      existing,
    });
  }
}

/**
 * Every register whose records have an owner (people.id in owner_id), keyed by the entity type the trail
 * uses for it. Orphans, handovers and the people "owned" view all read this one list.
 */
export const OWNED_TABLES = {
  ai_system: { table: 'ai_systems', title: 'name' },
  dataset: { table: 'datasets', title: 'name' },
  vendor: { table: 'vendors', title: 'name' },
  risk: { table: 'risks', title: 'title' },
  control: { table: 'controls', title: 'name' },
  evidence: { table: 'evidence', title: 'title' },
  context_issue: { table: 'context_issues', title: 'title' },
  interested_party: { table: 'interested_parties', title: 'name' },
  integration: { table: 'integrations', title: 'name' },
  test: { table: 'tests', title: 'title', move: moveTests },
  issue: { table: 'issues', title: 'title', onlyWhere: { column: 'status', value: 'open' } },
  policy: { table: 'policies', title: 'title' },
  course: { table: 'courses', title: 'title' },
  incident: { table: 'incidents', title: 'title' },
} as const satisfies Record<string, OwnedTable>;

export type OwnedEntityType = keyof typeof OWNED_TABLES;
export const OWNED_ENTITY_TYPES = Object.keys(OWNED_TABLES) as [OwnedEntityType, ...OwnedEntityType[]];

export function ownedTable(type: OwnedEntityType): OwnedTable {
  return OWNED_TABLES[type];
}
