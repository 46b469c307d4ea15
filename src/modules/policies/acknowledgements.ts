import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { addDays, todayIso } from '../../lib/time.js';
import { ACKNOWLEDGE_WITHIN_DAYS, type Acknowledgement } from './schema.js';

/**
 * Everyone in a policy's audience: active people with an active account whose role is listed and, when the
 * policy names departments, who work in one of them.
 */
export async function audienceOf(
  db: Executor,
  dialect: Dialect,
  audience: { roles: string[]; departments: string[] },
): Promise<string[]> {
  if (audience.roles.length === 0) return [];
  let query = db
    .selectFrom('people')
    .innerJoin('users', 'users.person_id', 'people.id')
    .select('people.id')
    .where('people.active', '=', dialect.bool(true))
    .where('users.active', '=', dialect.bool(true))
    .where('users.role', 'in', audience.roles);
  if (audience.departments.length > 0) query = query.where('people.department', 'in', audience.departments);
  return (await query.execute()).map((r) => r.id);
}

/** Asks each person in the audience to acknowledge a newly published version. */
export async function assignAcknowledgements(
  trx: Transaction<DB>,
  policyId: string,
  version: number,
  personIds: string[],
  now: string,
): Promise<number> {
  if (personIds.length === 0) return 0;
  const dueOn = addDays(todayIso(new Date(now)), ACKNOWLEDGE_WITHIN_DAYS);
  await trx
    .insertInto('policy_acknowledgements')
    .values(
      personIds.map((person_id) => ({
        id: newId(),
        policy_id: policyId,
        version,
        person_id,
        assigned_at: now,
        due_on: dueOn,
        acknowledged_at: null,
        acknowledged_by: null,
      })),
    )
    .execute();
  return personIds.length;
}

export async function listAcknowledgements(
  db: Executor,
  policyId: string,
  version: number,
): Promise<Acknowledgement[]> {
  const today = todayIso();
  const rows = await db
    .selectFrom('policy_acknowledgements as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select([
      'a.id',
      'a.policy_id',
      'a.version',
      'a.person_id',
      'a.assigned_at',
      'a.due_on',
      'a.acknowledged_at',
      'p.name',
      'p.department',
    ])
    .where('a.policy_id', '=', policyId)
    .where('a.version', '=', version)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    policyId: r.policy_id,
    version: Number(r.version),
    personId: r.person_id,
    personName: r.name,
    department: r.department,
    assignedAt: r.assigned_at,
    dueOn: r.due_on,
    acknowledgedAt: r.acknowledged_at,
    status: r.acknowledged_at ? 'acknowledged' : r.due_on < today ? 'overdue' : 'pending',
  }));
}
