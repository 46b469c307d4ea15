import type { Transaction } from 'kysely';
import type { Dialect } from '../db/dialect.js';
import type { DB, TestsTable } from '../db/schema.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { nextRunAfter } from './schedule.js';

/** The versioned part of a test: editing any of these creates a new version. */
export interface TestDefinition {
  title: string;
  description: string;
  severity: string;
  resourceType: string;
  appliesWhen: string | null;
  condition: string;
  controls: string[];
  remediation: string;
  ownerId: string | null;
  schedule: string;
  enabled: boolean;
}

export function definitionOf(row: TestsTable): TestDefinition {
  return {
    title: row.title,
    description: row.description,
    severity: row.severity,
    resourceType: row.resource_type,
    appliesWhen: row.applies_when,
    condition: row.condition,
    controls: JSON.parse(row.controls) as string[],
    remediation: row.remediation,
    ownerId: row.owner_id,
    schedule: row.schedule,
    enabled: Boolean(row.enabled),
  };
}

export function definitionColumns(def: TestDefinition, dialect: Dialect) {
  return {
    title: def.title,
    description: def.description,
    severity: def.severity,
    resource_type: def.resourceType,
    applies_when: def.appliesWhen,
    condition: def.condition,
    controls: JSON.stringify(def.controls),
    remediation: def.remediation,
    owner_id: def.ownerId,
    schedule: def.schedule,
    enabled: dialect.bool(def.enabled),
  };
}

/** Writes a test's definition as a new version (1 for a new test) with its control links. */
export async function saveTestVersion(
  trx: Transaction<DB>,
  dialect: Dialect,
  input: {
    id: string;
    definition: TestDefinition;
    builtin: boolean;
    disabledReason: string | null;
    contentHash: string | null;
    author: string;
    now: string;
    existing?: TestsTable;
  },
): Promise<number> {
  const { id, definition, now, existing } = input;
  const version = (existing?.version ?? 0) + 1;
  const columns = {
    ...definitionColumns(definition, dialect),
    disabled_reason: definition.enabled ? null : input.disabledReason,
    version,
    content_hash: input.contentHash,
    next_run_at: definition.enabled ? nextRunAfter(definition.schedule, new Date(now)) : null,
    updated_at: now,
  };
  if (existing) {
    await trx
      .updateTable('tests')
      .set({ ...columns, status: definition.enabled ? existing.status : 'disabled' })
      .where('id', '=', id)
      .execute();
  } else {
    await trx
      .insertInto('tests')
      .values({
        id,
        builtin: dialect.bool(input.builtin),
        ...columns,
        status: definition.enabled ? 'not_run' : 'disabled',
        counts: '{}',
        last_run_at: null,
        created_at: now,
      })
      .execute();
  }
  await trx.deleteFrom('test_controls').where('test_id', '=', id).execute();
  if (definition.controls.length > 0) {
    await trx
      .insertInto('test_controls')
      .values(definition.controls.map((control_id) => ({ test_id: id, control_id })))
      .execute();
  }
  await trx
    .insertInto('test_versions')
    .values({
      test_id: id,
      version,
      definition: canonicalJson(definition),
      created_by: input.author,
      created_at: now,
    })
    .execute();
  return version;
}
