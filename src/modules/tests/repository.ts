import type { Executor } from '../../db/database.js';
import type { TestsTable } from '../../db/schema.js';
import type { TestDecorations } from './presenter.js';

export function findTest(db: Executor, id: string): Promise<TestsTable | undefined> {
  return db.selectFrom('tests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Owner names and the frameworks each test reaches through its controls, for a page of tests. */
export async function decorationsFor(db: Executor, rows: TestsTable[]): Promise<TestDecorations> {
  const ownerIds = [...new Set(rows.map((r) => r.owner_id).filter((id): id is string => id !== null))];
  const ids = rows.map((r) => r.id);
  const [people, reach] = await Promise.all([
    ownerIds.length > 0
      ? db.selectFrom('people').select(['id', 'name']).where('id', 'in', ownerIds).execute()
      : [],
    ids.length > 0
      ? db
          .selectFrom('test_controls')
          .innerJoin('control_mappings', 'control_mappings.control_id', 'test_controls.control_id')
          .innerJoin('requirements', 'requirements.id', 'control_mappings.requirement_id')
          .select(['test_controls.test_id', 'requirements.framework_id'])
          .where('test_controls.test_id', 'in', ids)
          .distinct()
          .execute()
      : [],
  ]);
  const frameworks = new Map<string, string[]>();
  for (const r of reach)
    frameworks.set(r.test_id, [...(frameworks.get(r.test_id) ?? []), r.framework_id].sort());
  return { owners: new Map(people.map((p) => [p.id, p.name])), frameworks };
}

export function resultsOf(db: Executor, testId: string, outcomes: string[], limit: number) {
  return db
    .selectFrom('test_results')
    .innerJoin('resources', 'resources.id', 'test_results.resource_id')
    .select([
      'test_results.resource_id',
      'resources.external_id',
      'resources.name',
      'resources.type',
      'test_results.outcome',
      'test_results.reason',
      'test_results.test_version',
      'test_results.since',
      'test_results.excluded',
      'test_results.flapping',
    ])
    .where('test_results.test_id', '=', testId)
    .$if(outcomes.length > 0, (q) => q.where('test_results.outcome', 'in', outcomes))
    .orderBy('resources.name')
    .limit(limit)
    .execute();
}
