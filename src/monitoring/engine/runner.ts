import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import type { TestsTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { celResource } from '../resource-types.js';
import { type PreparedResource, prepareResource } from './cel.js';
import { type CompiledTestWithNeeds, compiledFor, compileTest, type TestSource } from './compile.js';
import { judge, lookupsOver, type Verdict } from './evaluate.js';
import { resourcesOfType, type StoredResource } from './resource-store.js';
import { type RunCounts, writeRun } from './write-run.js';

export type RunTrigger = 'schedule' | 'manual' | 'event' | 'sync' | 'edit';

export interface RunOptions {
  trigger: RunTrigger;
  /** The scheduled slot (ISO minute) a run belongs to; a slot runs at most once per test. */
  slot?: string;
  /** Evaluate only these resources (event-driven runs); otherwise every resource of the test's type. */
  resourceIds?: string[];
  worker: string;
  now?: Date;
}

export interface RunSummary {
  testId: string;
  runId: string | null;
  version: number;
  counts: RunCounts;
  transitions: number;
  status: string;
  durationMs: number;
  /** Why nothing was written: the slot already ran elsewhere. */
  skipped?: 'duplicate_slot';
}

export function testSourceOf(row: TestsTable) {
  return {
    id: row.id,
    version: row.version,
    resourceType: row.resource_type,
    appliesWhen: row.applies_when,
    condition: row.condition,
  };
}

/** The resources of one type in both forms: plain (for lookups) and converted to CEL once (for evaluation). */
interface Population {
  resources: StoredResource[];
  shapes: Record<string, unknown>[];
  prepared: PreparedResource[];
}

function populationOf(resources: StoredResource[]): Population {
  const shapes = resources.map(celResource);
  return { resources, shapes, prepared: shapes.map(prepareResource) };
}

/** A condition that no longer compiles (e.g. after an upgrade) is an `error` result, never a pass. */
function verdictsFor(
  row: TestsTable,
  population: Population,
  context: { now: Date; related: Map<string, Record<string, unknown>[]> },
  compile: (source: TestSource) => CompiledTestWithNeeds = compiledFor,
): Verdict[] {
  let compiled: CompiledTestWithNeeds;
  try {
    compiled = compile(testSourceOf(row));
  } catch (error) {
    const reason = `the test does not compile: ${(error as Error).message}`;
    return population.resources.map(() => ({ outcome: 'error', reason }));
  }
  const related = compiled.lookupTypes.flatMap((type) =>
    type === row.resource_type ? population.shapes : (context.related.get(type) ?? []),
  );
  const lookups = lookupsOver(related);
  return population.prepared.map((resource) => judge(compiled, resource, context.now, lookups));
}

function isVolatile(test: TestsTable): boolean {
  try {
    return compiledFor(testSourceOf(test)).volatile;
  } catch {
    return true;
  }
}

/**
 * Scheduled runs of tests whose results cannot have changed — the condition reads only the resource, no
 * resource of the type changed since the test last ran, and no exclusion expired — skip evaluation and
 * record the run as it stands. Event-driven runs still re-evaluate every changed resource within a second.
 */
async function unchangedTests(db: Db, type: string, tests: TestsTable[], now: string): Promise<Set<string>> {
  const candidates = tests.filter((t) => readBool(t.enabled) && t.last_run_at !== null && !isVolatile(t));
  if (candidates.length === 0) return new Set();
  const latest = await db.kysely
    .selectFrom('resources')
    .select((eb) => eb.fn.max('changed_at').as('changed'))
    .where('type', '=', type)
    .executeTakeFirst();
  const changed = (latest?.changed as string | null | undefined) ?? '';
  const earliest = candidates.reduce(
    (min, t) => ((t.last_run_at as string) < min ? (t.last_run_at as string) : min),
    now,
  );
  const expiring = new Set(
    (
      await db.kysely
        .selectFrom('test_exclusions')
        .select('test_id')
        .where(
          'test_id',
          'in',
          candidates.map((t) => t.id),
        )
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', earliest)
        .where('expires_at', '<=', now)
        .execute()
    ).map((e) => e.test_id),
  );
  return new Set(
    candidates.filter((t) => changed < (t.last_run_at as string) && !expiring.has(t.id)).map((t) => t.id),
  );
}

/** One transaction records every skipped run (its summary repeats the standing totals). */
async function recordUnchanged(
  db: Db,
  tests: TestsTable[],
  options: RunOptions,
  now: Date,
): Promise<RunSummary[]> {
  const at = now.toISOString();
  const runs = tests.map((test) => ({
    id: newId(),
    test_id: test.id,
    test_version: test.version,
    trigger: options.trigger,
    slot: options.slot ?? null,
    started_at: at,
    finished_at: at,
    duration_ms: 0,
    counts: test.counts,
    transitions: 0,
    status: test.status,
    worker: options.worker,
  }));
  await db.transaction(async (trx) => {
    for (let i = 0; i < runs.length; i += 200) {
      await trx
        .insertInto('test_runs')
        .values(runs.slice(i, i + 200))
        .onConflict((oc) => oc.columns(['test_id', 'slot']).doNothing())
        .execute();
    }
    const ids = tests.map((t) => t.id);
    for (let i = 0; i < ids.length; i += 500) {
      await trx
        .updateTable('tests')
        .set({ last_run_at: at })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  });
  return tests.map((test, index) => ({
    testId: test.id,
    runId: runs[index]?.id ?? null,
    version: test.version,
    counts: {
      pass: 0,
      fail: 0,
      error: 0,
      not_applicable: 0,
      excluded: 0,
      ...(JSON.parse(test.counts) as Partial<RunCounts>),
    },
    transitions: 0,
    status: test.status,
    durationMs: 0,
  }));
}

/**
 * Runs tests: resources are read (and converted for CEL) once per resource type and shared by every test of
 * that type; each evaluated test's results are written in their own transaction (only changes are written).
 */
export async function runTests(db: Db, tests: TestsTable[], options: RunOptions): Promise<RunSummary[]> {
  const now = options.now ?? new Date();
  const byType = new Map<string, TestsTable[]>();
  for (const test of tests) byType.set(test.resource_type, [...(byType.get(test.resource_type) ?? []), test]);
  const summaries: RunSummary[] = [];
  for (const [type, all] of byType) {
    const skip =
      options.trigger === 'schedule' && !options.resourceIds
        ? await unchangedTests(db, type, all, now.toISOString())
        : new Set<string>();
    if (skip.size > 0)
      summaries.push(
        ...(await recordUnchanged(
          db,
          all.filter((t) => skip.has(t.id)),
          options,
          now,
        )),
      );
    const group = all.filter((t) => !skip.has(t.id));
    if (group.length === 0) continue;
    const resources = await resourcesOfType(db.kysely, type, options.resourceIds);
    if (options.resourceIds && resources.length === 0) continue;
    const population = populationOf(resources);
    const related = new Map<string, Record<string, unknown>[]>();
    for (const test of group) {
      let needs: string[] = [];
      try {
        needs = compiledFor(testSourceOf(test)).lookupTypes;
      } catch {
        // reported per resource by verdictsFor
      }
      for (const need of needs) {
        if (need !== type && !related.has(need)) {
          related.set(need, (await resourcesOfType(db.kysely, need)).map(celResource));
        }
      }
    }
    for (const test of group) {
      const started = Date.now();
      const verdicts = readBool(test.enabled) ? verdictsFor(test, population, { now, related }) : [];
      const written = await writeRun(db, test, readBool(test.enabled) ? resources : [], verdicts, {
        ...options,
        now,
        partial: options.resourceIds !== undefined,
      });
      summaries.push({
        testId: test.id,
        version: test.version,
        ...written,
        durationMs: Date.now() - started,
      });
    }
  }
  return summaries;
}

/** Evaluates a definition against current resources without writing anything. */
export async function dryRun(
  db: Db,
  test: TestsTable,
  options: { now?: Date; limit: number },
): Promise<{
  counts: RunCounts;
  results: Array<{ resourceId: string; externalId: string; name: string } & Verdict>;
}> {
  const now = options.now ?? new Date();
  const resources = await resourcesOfType(db.kysely, test.resource_type);
  const related = new Map<string, Record<string, unknown>[]>();
  const compiled = compileTest(testSourceOf(test));
  for (const need of compiled.lookupTypes) {
    related.set(need, (await resourcesOfType(db.kysely, need)).map(celResource));
  }
  const verdicts = verdictsFor(test, populationOf(resources), { now, related }, () => compiled);
  const counts: RunCounts = { pass: 0, fail: 0, error: 0, not_applicable: 0, excluded: 0 };
  for (const v of verdicts) counts[v.outcome] += 1;
  const order = { fail: 0, error: 1, pass: 2, not_applicable: 3 };
  const results = resources
    .map((r, i) => ({
      resourceId: r.id,
      externalId: r.externalId,
      name: r.name,
      ...(verdicts[i] as Verdict),
    }))
    .sort((a, b) => order[a.outcome] - order[b.outcome] || a.name.localeCompare(b.name))
    .slice(0, options.limit);
  return { counts, results };
}
