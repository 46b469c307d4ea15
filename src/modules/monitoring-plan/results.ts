import type { Executor } from '../../db/database.js';
import { presentObjective } from '../objectives/presenter.js';
import { latestMeasurements, objectivesByIds } from '../objectives/repository.js';
import type { Links } from './repository.js';
import { testsByIds } from './repository.js';
import type { PlanItem } from './schema.js';

type Results = PlanItem['results'];
type TestResult = Results['tests'][number];
type ObjectiveResult = Results['objectives'][number];

const ATTENTION_TEST_STATUSES = new Set(['needs_attention', 'error']);

/**
 * The 9.1 evidence of each plan item, generated from what it links to: tests' current status and counts,
 * objectives' latest value against target. Loaded for a whole page at once.
 */
export async function resultsOf(db: Executor, links: Map<string, Links>): Promise<Map<string, Results>> {
  const all = [...links.values()];
  const tests = await testResults(
    db,
    all.flatMap((l) => l.testIds),
  );
  const objectives = await objectiveResults(
    db,
    all.flatMap((l) => l.objectiveIds),
  );
  const results = new Map<string, Results>();
  for (const [itemId, item] of links) {
    const itemTests = item.testIds.flatMap((id) => tests.get(id) ?? []);
    const itemObjectives = item.objectiveIds.flatMap((id) => objectives.get(id) ?? []);
    results.set(itemId, {
      status: statusOf(itemTests, itemObjectives),
      tests: itemTests,
      objectives: itemObjectives,
    });
  }
  return results;
}

export const NO_RESULTS: Results = { status: 'no_data', tests: [], objectives: [] };

function statusOf(tests: TestResult[], objectives: ObjectiveResult[]): Results['status'] {
  const attention =
    tests.some((t) => ATTENTION_TEST_STATUSES.has(t.status)) ||
    objectives.some((o) => o.attainment === 'not_met' || o.standing === 'measurement_due');
  if (attention) return 'attention';
  // A test that ran over nothing (no resources of its type yet) is no evidence either way.
  const anyData =
    tests.some((t) => t.pass + t.fail + t.error > 0) || objectives.some((o) => o.latestValue !== null);
  return anyData ? 'ok' : 'no_data';
}

async function testResults(db: Executor, ids: string[]): Promise<Map<string, TestResult>> {
  const rows = await testsByIds(db, ids);
  return new Map(
    rows.map((row) => {
      const counts = JSON.parse(row.counts) as Partial<Record<'pass' | 'fail' | 'error', number>>;
      return [
        row.id,
        {
          id: row.id,
          title: row.title,
          status: row.status as TestResult['status'],
          pass: counts.pass ?? 0,
          fail: counts.fail ?? 0,
          error: counts.error ?? 0,
          lastRunAt: row.last_run_at,
        },
      ];
    }),
  );
}

async function objectiveResults(db: Executor, ids: string[]): Promise<Map<string, ObjectiveResult>> {
  const rows = await objectivesByIds(db, ids);
  const latest = await latestMeasurements(
    db,
    rows.map((r) => r.id),
  );
  const now = new Date();
  return new Map(
    rows.map((row) => {
      const o = presentObjective(row, latest.get(row.id), now);
      return [
        o.id,
        {
          id: o.id,
          title: o.title,
          unit: o.unit,
          direction: o.direction,
          target: o.target,
          latestValue: o.latestMeasurement?.value ?? null,
          measuredAt: o.latestMeasurement?.measuredAt ?? null,
          attainment: o.attainment,
          standing: o.standing,
        },
      ];
    }),
  );
}
