import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import type { TestsTable } from '../../db/schema.js';
import { celResource } from '../resource-types.js';
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

/** A condition that no longer compiles (e.g. after an upgrade) is an `error` result, never a pass. */
function verdictsFor(
  row: TestsTable,
  resources: StoredResource[],
  context: { now: Date; related: Map<string, Record<string, unknown>[]> },
  compile: (source: TestSource) => CompiledTestWithNeeds = compiledFor,
): Verdict[] {
  let compiled: CompiledTestWithNeeds;
  try {
    compiled = compile(testSourceOf(row));
  } catch (error) {
    const reason = `the test does not compile: ${(error as Error).message}`;
    return resources.map(() => ({ outcome: 'error', reason }));
  }
  const shapes = resources.map(celResource);
  const related = compiled.lookupTypes.flatMap((type) =>
    type === row.resource_type ? shapes : (context.related.get(type) ?? []),
  );
  const lookups = lookupsOver(related);
  return shapes.map((shape) => judge(compiled, shape, context.now, lookups));
}

/**
 * Runs tests: resources are read once per resource type and shared by every test of that type; each test's
 * results are written in their own transaction (only changes are written).
 */
export async function runTests(db: Db, tests: TestsTable[], options: RunOptions): Promise<RunSummary[]> {
  const now = options.now ?? new Date();
  const byType = new Map<string, TestsTable[]>();
  for (const test of tests) byType.set(test.resource_type, [...(byType.get(test.resource_type) ?? []), test]);
  const summaries: RunSummary[] = [];
  for (const [type, group] of byType) {
    const resources = await resourcesOfType(db.kysely, type, options.resourceIds);
    if (options.resourceIds && resources.length === 0) continue;
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
      const verdicts = readBool(test.enabled) ? verdictsFor(test, resources, { now, related }) : [];
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
  const verdicts = verdictsFor(test, resources, { now, related }, () => compiled);
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
