import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { readBool } from '../db/dialect.js';
import type { TestsTable } from '../db/schema.js';
import { NotFoundError } from '../lib/errors.js';
import { type RunOptions, type RunSummary, runTests } from './engine/runner.js';
import { enabledIntegrations, type SyncOutcome, syncIntegration } from './engine/sync.js';
import { statusFrom, totalsOf } from './engine/write-run.js';
import { nextRunAfter, slotOf } from './schedule.js';

export interface DueWork {
  tests: Array<{ id: string; slot: string }>;
  integrations: Array<{ id: string; slot: string }>;
}

const TRAIL_CURSOR = 'trail';
// Monitoring's own records do not describe the organisation: changes to them need no re-collection.
const IGNORED_ENTITIES = new Set([
  'test',
  'test_exclusion',
  'issue',
  'issue_comment',
  'integration',
  'integration_batch',
  'session',
]);

/**
 * The monitoring engine as the rest of the app sees it: sync integrations, run tests, find due work and
 * follow the trail so a changed record is re-evaluated within a second.
 */
export function createMonitor(db: Db, secret: string, worker: string) {
  async function enabledTests(filter: { ids?: string[]; types?: string[] } = {}): Promise<TestsTable[]> {
    let query = db.kysely.selectFrom('tests').selectAll().orderBy('id');
    if (filter.ids) query = query.where('id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
    if (filter.types)
      query = query.where('resource_type', 'in', filter.types.length > 0 ? filter.types : ['']);
    return (await query.execute()).filter((t) => readBool(t.enabled));
  }

  /** Recomputes status after results were removed with their resources. */
  async function refreshStatus(testIds: string[]): Promise<void> {
    for (const row of await enabledTests({ ids: testIds })) {
      const totals = await totalsOf(db.kysely, row.id);
      await db.kysely
        .updateTable('tests')
        .set({ status: statusFrom(true, totals), counts: JSON.stringify(totals) })
        .where('id', '=', row.id)
        .execute();
    }
  }

  async function evaluateChanges(
    outcome: SyncOutcome,
    trigger: RunOptions['trigger'],
  ): Promise<RunSummary[]> {
    const runs: RunSummary[] = [];
    if (outcome.changed.length > 0) {
      const types = [...new Set(outcome.changed.map((c) => c.type))];
      runs.push(
        ...(await runTests(db, await enabledTests({ types }), {
          trigger,
          worker,
          resourceIds: outcome.changed.map((c) => c.id),
        })),
      );
    }
    if (outcome.removed.length > 0) {
      const types = [...new Set(outcome.removed.map((r) => r.type))];
      await refreshStatus((await enabledTests({ types })).map((t) => t.id));
    }
    return runs;
  }

  return {
    worker,

    /** Collects one integration, stores changes and re-evaluates the tests over the changed resources. */
    async syncIntegration(id: string, trigger: RunOptions['trigger'] = 'sync') {
      const outcome = await syncIntegration(db, id, secret);
      return { ...outcome, runs: await evaluateChanges(outcome, trigger) };
    },

    /** Pushed/uploaded resources arrive through their own write path; this evaluates them. */
    evaluateChanges,

    async runTest(
      id: string,
      options: { trigger?: RunOptions['trigger']; slot?: string } = {},
    ): Promise<RunSummary> {
      const row = await db.kysely.selectFrom('tests').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new NotFoundError('test', id);
      const [summary] = await runTests(db, [row], {
        trigger: options.trigger ?? 'manual',
        slot: options.slot,
        worker,
      });
      return summary as RunSummary;
    },

    /** Every enabled test, grouped by resource type so each type's resources are read once. */
    async runAll(
      trigger: RunOptions['trigger'],
      options: { ids?: string[]; onProgress?: (done: number, total: number) => void } = {},
    ): Promise<RunSummary[]> {
      const tests = await enabledTests({ ids: options.ids });
      const summaries: RunSummary[] = [];
      const byType = new Map<string, TestsTable[]>();
      for (const t of tests) byType.set(t.resource_type, [...(byType.get(t.resource_type) ?? []), t]);
      for (const group of byType.values()) {
        summaries.push(...(await runTests(db, group, { trigger, worker })));
        options.onProgress?.(summaries.length, tests.length);
      }
      return summaries;
    },

    /** Syncs every enabled integration (aims first, since most built-in tests read it). */
    async syncAll(trigger: RunOptions['trigger'] = 'sync') {
      const results = [];
      const rows = await enabledIntegrations(db);
      rows.sort((a, b) => Number(b.kind === 'aims') - Number(a.kind === 'aims'));
      for (const row of rows) results.push(await this.syncIntegration(row.id, trigger));
      return results;
    },

    /**
     * Claims what is due. The claim moves next_run_at forward only if nobody else moved it first, so
     * several workers ticking together split the work instead of doubling it.
     */
    async claimDue(now = new Date()): Promise<DueWork> {
      const at = now.toISOString();
      const due: DueWork = { tests: [], integrations: [] };
      const tests = await db.kysely
        .selectFrom('tests')
        .select(['id', 'schedule', 'next_run_at', 'enabled'])
        .where('next_run_at', '<=', at)
        .execute();
      for (const t of tests.filter((t) => readBool(t.enabled))) {
        const claimed = await db.kysely
          .updateTable('tests')
          .set({ next_run_at: nextRunAfter(t.schedule, now) })
          .where('id', '=', t.id)
          .where('next_run_at', '=', t.next_run_at)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 1)
          due.tests.push({ id: t.id, slot: slotOf(t.next_run_at as string) });
      }
      const integrations = await db.kysely
        .selectFrom('integrations')
        .select(['id', 'schedule', 'next_sync_at', 'enabled'])
        .where((eb) => eb.or([eb('next_sync_at', '<=', at), eb('next_sync_at', 'is', null)]))
        .execute();
      for (const i of integrations.filter((i) => readBool(i.enabled))) {
        const claimed = await db.kysely
          .updateTable('integrations')
          .set({ next_sync_at: nextRunAfter(i.schedule, now) })
          .where('id', '=', i.id)
          .where((eb) =>
            i.next_sync_at === null
              ? eb('next_sync_at', 'is', null)
              : eb('next_sync_at', '=', i.next_sync_at),
          )
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 1) {
          due.integrations.push({ id: i.id, slot: slotOf(i.next_sync_at ?? at) });
        }
      }
      return due;
    },

    /**
     * Follows the trail: when records changed since the cursor, re-collects our own records and
     * re-evaluates what changed. The cursor moves by compare-and-set, so one worker handles each batch.
     */
    async followTrail(): Promise<{ entries: number; runs: RunSummary[] }> {
      const latest = await db.kysely
        .selectFrom('trail')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      const head = Number(latest?.seq ?? 0);
      const cursor = await db.kysely
        .selectFrom('monitoring_cursors')
        .select('position')
        .where('name', '=', TRAIL_CURSOR)
        .executeTakeFirst();
      if (!cursor) {
        // First start: everything so far is covered by the initial full evaluation.
        await db.kysely
          .insertInto('monitoring_cursors')
          .values({ name: TRAIL_CURSOR, position: head, updated_at: new Date().toISOString() })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
        return { entries: 0, runs: [] };
      }
      const from = Number(cursor.position);
      if (head <= from) return { entries: 0, runs: [] };
      const moved = await db.kysely
        .updateTable('monitoring_cursors')
        .set({ position: head, updated_at: new Date().toISOString() })
        .where('name', '=', TRAIL_CURSOR)
        .where('position', '=', sql<number>`${from}`)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return { entries: 0, runs: [] };
      const entries = await db.kysely
        .selectFrom('trail')
        .select('entity_type')
        .where('seq', '>', from)
        .where('seq', '<=', head)
        .execute();
      if (entries.every((e) => IGNORED_ENTITIES.has(e.entity_type)))
        return { entries: entries.length, runs: [] };
      const runs: RunSummary[] = [];
      for (const row of await enabledIntegrations(db, 'aims'))
        runs.push(...(await this.syncIntegration(row.id, 'event')).runs);
      return { entries: entries.length, runs };
    },
  };
}

export type Monitor = ReturnType<typeof createMonitor>;
