import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { readBool } from '../db/dialect.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { nowIso } from '../lib/time.js';
import { DEFAULT_TEST_SCHEDULE } from '../monitoring/test-definition.js';
import { definitionOf, saveTestVersion } from '../monitoring/test-store.js';
import { type BuiltinTest, loadBuiltinTests } from './tests.js';

const HASH_KEY = 'builtin_tests_content_hash';

export interface TestSyncReport {
  skipped: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The content-owned part of a built-in test; owner, schedule and enabled stay as the organisation set them. */
function contentOf(test: BuiltinTest) {
  const { fixtures: _fixtures, ...rest } = test;
  return rest;
}

/**
 * Loads content/tests into the tests table. A test whose content changed gets a new version; what the
 * organisation chose for it (owner, schedule, enabled) is kept. Tests removed from content stay.
 */
export async function syncBuiltinTests(db: Db): Promise<TestSyncReport> {
  const { files, tests } = loadBuiltinTests();
  const fileHash = createHash('sha256')
    .update(files.map((f) => f.text).join('\n'))
    .digest('hex');
  const stored = await db.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', HASH_KEY)
    .executeTakeFirst();
  if (stored?.value === fileHash) return { skipped: true, inserted: 0, updated: 0, unchanged: 0 };
  const report: TestSyncReport = { skipped: false, inserted: 0, updated: 0, unchanged: 0 };
  await db.transaction(async (trx) => {
    const existing = new Map((await trx.selectFrom('tests').selectAll().execute()).map((r) => [r.id, r]));
    const now = nowIso();
    for (const test of tests) {
      const hash = createHash('sha256')
        .update(canonicalJson(contentOf(test)))
        .digest('hex');
      const row = existing.get(test.id);
      if (row?.content_hash === hash) {
        report.unchanged += 1;
        continue;
      }
      const kept = row ? definitionOf(row) : undefined;
      await saveTestVersion(trx, db.dialect, {
        id: test.id,
        builtin: true,
        definition: {
          title: test.title,
          description: test.description,
          severity: test.severity,
          resourceType: test.resourceType,
          appliesWhen: test.appliesWhen ?? null,
          condition: test.condition,
          controls: test.controls,
          remediation: test.remediation,
          ownerId: kept?.ownerId ?? null,
          schedule: kept?.schedule ?? test.schedule ?? DEFAULT_TEST_SCHEDULE,
          // A test shipped disabled (waiting for a module) switches on when content enables it.
          enabled: row && !(row.disabled_reason && test.enabled) ? readBool(row.enabled) : test.enabled,
        },
        disabledReason: test.disabledReason ?? null,
        contentHash: hash,
        author: 'content',
        now,
        existing: row,
      });
      if (row) report.updated += 1;
      else report.inserted += 1;
    }
    await trx
      .insertInto('settings')
      .values({ key: HASH_KEY, value: fileHash, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: fileHash, updated_at: now }))
      .execute();
  });
  return report;
}
