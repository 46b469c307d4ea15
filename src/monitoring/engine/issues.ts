import type { Transaction } from 'kysely';
import type { Dialect } from '../../db/dialect.js';
import type { DB, IssuesTable, TestsTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { MonitoringSettings } from '../settings.js';
import type { StoredResource } from './resource-store.js';

const NUMBER_LOCK = 420_030;

export type Resolution = 'passed' | 'excluded' | 'not_applicable' | 'resource_removed' | 'test_disabled';

/** The owner of a failing resource's issue: the test's owner, else the resource's own owner if it is a person. */
async function ownerFor(
  trx: Transaction<DB>,
  test: TestsTable,
  resource: StoredResource,
): Promise<string | null> {
  if (test.owner_id) return test.owner_id;
  const candidate = resource.attributes.ownerId;
  if (typeof candidate !== 'string') return null;
  const person = await trx.selectFrom('people').select('id').where('id', '=', candidate).executeTakeFirst();
  return person?.id ?? null;
}

export async function openIssue(
  trx: Transaction<DB>,
  input: {
    test: TestsTable;
    resource: StoredResource;
    transitionId: string;
    slaDays: MonitoringSettings['slaDays'];
    flapping: boolean;
    now: string;
    dialect: Dialect;
  },
): Promise<void> {
  const { test, resource, now } = input;
  // Numbers are human handles (#12); the lock keeps them unique when several workers open issues.
  await input.dialect.lockForAppend(trx, NUMBER_LOCK);
  const last = await trx
    .selectFrom('issues')
    .select((eb) => eb.fn.max('number').as('n'))
    .executeTakeFirst();
  const days = input.slaDays[test.severity as keyof MonitoringSettings['slaDays']] ?? 30;
  const due = new Date(Date.parse(now) + days * 86_400_000).toISOString();
  await trx
    .insertInto('issues')
    .values({
      id: newId(),
      number: Number(last?.n ?? 0) + 1,
      test_id: test.id,
      resource_id: resource.id,
      resource_name: resource.name,
      open_key: `${test.id}|${resource.id}`,
      title: `${test.title} — ${resource.name}`,
      severity: test.severity,
      status: 'open',
      owner_id: await ownerFor(trx, test, resource),
      due_at: due,
      opened_at: now,
      opened_transition_id: input.transitionId,
      resolved_at: null,
      resolution: null,
      resolved_transition_id: null,
      flapping: input.dialect.bool(input.flapping),
      updated_at: now,
    })
    .execute();
}

export async function closeIssue(
  trx: Transaction<DB>,
  issue: IssuesTable,
  resolution: Resolution,
  transitionId: string | null,
  now: string,
): Promise<void> {
  await trx
    .updateTable('issues')
    .set({
      status: 'resolved',
      open_key: null,
      resolved_at: now,
      resolution,
      resolved_transition_id: transitionId,
      updated_at: now,
    })
    .where('id', '=', issue.id)
    .execute();
}
