import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import { isUniqueViolation, readBool } from '../../db/dialect.js';
import type { DB, TestResultsTable, TestsTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { readMonitoringSettings } from '../settings.js';
import type { Outcome, Verdict } from './evaluate.js';
import { closeIssue, openIssue } from './issues.js';
import type { StoredResource } from './resource-store.js';

export interface RunCounts {
  pass: number;
  fail: number;
  error: number;
  not_applicable: number;
  excluded: number;
}

const CHUNK = 400;
const emptyCounts = (): RunCounts => ({ pass: 0, fail: 0, error: 0, not_applicable: 0, excluded: 0 });

class DuplicateSlot extends Error {}

/** Stable lock key per test, so two runs of one test write in turn. */
function lockKey(testId: string): number {
  let hash = 0;
  for (const char of testId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return 430_000_000 + (Math.abs(hash) % 1_000_000);
}

export function statusFrom(enabled: boolean, totals: RunCounts): string {
  if (!enabled) return 'disabled';
  if (totals.fail > 0) return 'needs_attention';
  if (totals.error > 0) return 'error';
  if (totals.pass > 0) return 'ok';
  return 'not_applicable';
}

async function insertChunks<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: DB[T][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Generic over the table being written; each caller passes rows of that table.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/**
 * Writes one run: compares the verdicts with the stored current results and writes only what changed —
 * new results, transitions (each pointing at the exact resource snapshot), issues opened and closed — plus
 * a run summary and the test's status.
 */
export async function writeRun(
  db: Db,
  test: TestsTable,
  resources: StoredResource[],
  verdicts: Verdict[],
  options: { trigger: string; slot?: string; worker: string; now: Date; partial: boolean },
): Promise<{
  runId: string | null;
  counts: RunCounts;
  transitions: number;
  status: string;
  skipped?: 'duplicate_slot';
}> {
  const now = options.now.toISOString();
  const runId = newId();
  try {
    return await db.transaction(async (trx) => {
      await db.dialect.lockForAppend(trx, lockKey(test.id));
      await trx
        .insertInto('test_runs')
        .values({
          id: runId,
          test_id: test.id,
          test_version: test.version,
          trigger: options.trigger,
          slot: options.slot ?? null,
          started_at: now,
          finished_at: now,
          duration_ms: 0,
          counts: '{}',
          transitions: 0,
          status: 'running',
          worker: options.worker,
        })
        .execute()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? new DuplicateSlot() : error;
        });

      const ids = resources.map((r) => r.id);
      const currentRows = await trx
        .selectFrom('test_results')
        .selectAll()
        .where('test_id', '=', test.id)
        .$if(options.partial, (q) => q.where('resource_id', 'in', ids.length > 0 ? ids : ['']))
        .execute();
      const current = new Map(currentRows.map((r) => [r.resource_id, r]));
      const exclusions = new Set(
        (
          await trx
            .selectFrom('test_exclusions')
            .select('resource_id')
            .where('test_id', '=', test.id)
            .where('revoked_at', 'is', null)
            .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
            .execute()
        ).map((e) => e.resource_id),
      );
      const openIssues = new Map(
        (
          await trx
            .selectFrom('issues')
            .selectAll()
            .where('test_id', '=', test.id)
            .where('status', '=', 'open')
            .execute()
        ).map((i) => [i.resource_id, i]),
      );
      const settings = await readMonitoringSettings(trx);

      const counts = emptyCounts();
      const newResults: TestResultsTable[] = [];
      const transitions: DB['test_transitions'][] = [];
      const snapshots = new Map<string, string>();
      const transitioned: string[] = [];
      const transitionOf = new Map<string, string>();

      for (const [index, resource] of resources.entries()) {
        const verdict = verdicts[index] as Verdict;
        const excluded = exclusions.has(resource.id);
        counts[excluded ? 'excluded' : verdict.outcome] += 1;
        const existing = current.get(resource.id);
        if (!existing || existing.outcome !== verdict.outcome) {
          const id = newId();
          transitions.push({
            id,
            test_id: test.id,
            resource_id: resource.id,
            resource_name: resource.name,
            run_id: runId,
            test_version: test.version,
            from_outcome: existing?.outcome ?? null,
            to_outcome: verdict.outcome,
            reason: verdict.reason,
            snapshot_sha256: resource.attributesHash,
            at: now,
          });
          snapshots.set(resource.attributesHash, JSON.stringify(resource.attributes));
          if (existing) transitioned.push(resource.id);
          transitionOf.set(resource.id, id);
        }
        const row: TestResultsTable = {
          test_id: test.id,
          resource_id: resource.id,
          outcome: verdict.outcome,
          reason: verdict.reason,
          test_version: test.version,
          since: existing && existing.outcome === verdict.outcome ? existing.since : now,
          excluded: db.dialect.bool(excluded),
          flapping: existing?.flapping ?? db.dialect.bool(false),
        };
        if (!existing) newResults.push(row);
        else if (
          existing.outcome !== row.outcome ||
          existing.reason !== row.reason ||
          existing.test_version !== row.test_version ||
          readBool(existing.excluded) !== excluded
        ) {
          await trx
            .updateTable('test_results')
            .set({
              outcome: row.outcome,
              reason: row.reason,
              test_version: row.test_version,
              since: row.since,
              excluded: row.excluded,
            })
            .where('test_id', '=', test.id)
            .where('resource_id', '=', resource.id)
            .execute();
        }
      }

      if (snapshots.size > 0) {
        const rows = [...snapshots].map(([sha256, attributes]) => ({ sha256, attributes, created_at: now }));
        for (let i = 0; i < rows.length; i += CHUNK) {
          await trx
            .insertInto('resource_snapshots')
            .values(rows.slice(i, i + CHUNK))
            .onConflict((oc) => oc.column('sha256').doNothing())
            .execute();
        }
      }
      await insertChunks(trx, 'test_transitions', transitions);
      await insertChunks(trx, 'test_results', newResults);

      // A full run also forgets results for resources the test no longer covers (its type was edited).
      if (!options.partial) {
        const covered = new Set(resources.map((r) => r.id));
        const stale = currentRows.filter((r) => !covered.has(r.resource_id)).map((r) => r.resource_id);
        for (let i = 0; i < stale.length; i += CHUNK) {
          const chunk = stale.slice(i, i + CHUNK);
          await trx
            .deleteFrom('test_results')
            .where('test_id', '=', test.id)
            .where('resource_id', 'in', chunk)
            .execute();
          for (const resourceId of chunk) {
            const issue = openIssues.get(resourceId);
            if (issue) await closeIssue(trx, issue, 'not_applicable', null, now);
          }
        }
      }

      const flapping = await markFlapping(
        trx,
        db,
        test.id,
        [...transitioned, ...currentRows.filter((r) => readBool(r.flapping)).map((r) => r.resource_id)],
        settings.flapping,
        now,
      );

      for (const [index, resource] of resources.entries()) {
        const outcome = (verdicts[index] as Verdict).outcome as Outcome;
        const excluded = exclusions.has(resource.id);
        const issue = openIssues.get(resource.id);
        const shouldBeOpen = outcome === 'fail' && !excluded;
        if (shouldBeOpen && !issue) {
          await openIssue(trx, {
            test,
            resource,
            transitionId:
              transitionOf.get(resource.id) ?? (await latestTransition(trx, test.id, resource.id)),
            slaDays: settings.slaDays,
            flapping: flapping.has(resource.id),
            now,
            dialect: db.dialect,
          });
        } else if (issue && !shouldBeOpen && outcome !== 'error') {
          // `error` proves nothing either way: the issue stays open until a real pass.
          const resolution = excluded ? 'excluded' : outcome === 'pass' ? 'passed' : 'not_applicable';
          await closeIssue(trx, issue, resolution, transitionOf.get(resource.id) ?? null, now);
        } else if (issue && readBool(issue.flapping) !== flapping.has(resource.id)) {
          await trx
            .updateTable('issues')
            .set({ flapping: db.dialect.bool(flapping.has(resource.id)), updated_at: now })
            .where('id', '=', issue.id)
            .execute();
        }
      }

      const totals = await totalsOf(trx, test.id);
      const status = statusFrom(readBool(test.enabled), totals);
      const finished = new Date().toISOString();
      await trx
        .updateTable('test_runs')
        .set({
          finished_at: finished,
          duration_ms: Math.max(0, Date.parse(finished) - options.now.getTime()),
          counts: JSON.stringify(counts),
          transitions: transitions.length,
          status,
        })
        .where('id', '=', runId)
        .execute();
      await trx
        .updateTable('tests')
        .set({ status, counts: JSON.stringify(totals), last_run_at: now })
        .where('id', '=', test.id)
        .execute();
      return { runId, counts, transitions: transitions.length, status };
    });
  } catch (error) {
    if (error instanceof DuplicateSlot) {
      return {
        runId: null,
        counts: emptyCounts(),
        transitions: 0,
        status: test.status,
        skipped: 'duplicate_slot',
      };
    }
    throw error;
  }
}

async function latestTransition(trx: Transaction<DB>, testId: string, resourceId: string): Promise<string> {
  const row = await trx
    .selectFrom('test_transitions')
    .select('id')
    .where('test_id', '=', testId)
    .where('resource_id', '=', resourceId)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function totalsOf(trx: Transaction<DB> | Db['kysely'], testId: string): Promise<RunCounts> {
  const rows = await trx
    .selectFrom('test_results')
    .select(['outcome', 'excluded', (eb) => eb.fn.countAll<number>().as('n')])
    .where('test_id', '=', testId)
    .groupBy(['outcome', 'excluded'])
    .execute();
  const totals = emptyCounts();
  for (const row of rows) {
    if (readBool(row.excluded)) totals.excluded += Number(row.n);
    else totals[row.outcome as Outcome] += Number(row.n);
  }
  return totals;
}

/** Results that changed outcome at least `flips` times within the test's last `window` runs. */
async function markFlapping(
  trx: Transaction<DB>,
  db: Db,
  testId: string,
  resourceIds: string[],
  rule: { window: number; flips: number },
  now: string,
): Promise<Set<string>> {
  const flapping = new Set<string>();
  if (resourceIds.length === 0) return flapping;
  const runs = await trx
    .selectFrom('test_runs')
    .select('started_at')
    .where('test_id', '=', testId)
    .orderBy('started_at', 'desc')
    .limit(rule.window)
    .execute();
  const since = runs.at(-1)?.started_at ?? now;
  const unique = [...new Set(resourceIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const rows = await trx
      .selectFrom('test_transitions')
      .select(['resource_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('test_id', '=', testId)
      .where('resource_id', 'in', chunk)
      .where('from_outcome', 'is not', null)
      .where('at', '>=', since)
      .groupBy('resource_id')
      .execute();
    for (const row of rows) if (Number(row.n) >= rule.flips) flapping.add(row.resource_id);
    for (const flag of [true, false]) {
      const ids = chunk.filter((id) => flapping.has(id) === flag);
      if (ids.length === 0) continue;
      await trx
        .updateTable('test_results')
        .set({ flapping: db.dialect.bool(flag) })
        .where('test_id', '=', testId)
        .where('resource_id', 'in', ids)
        .execute();
    }
  }
  return flapping;
}
