import type { Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';
import type { CollectedResource } from '../integration.js';
import { NO_TRAINING, trainingByPerson } from './collect-training.js';

const OWNED = [
  'ai_systems',
  'datasets',
  'vendors',
  'risks',
  'controls',
  'evidence',
  'context_issues',
  'interested_parties',
] as const;

async function ownedCounts(db: Executor) {
  const counts = new Map<string, { all: number; controls: number; systems: number }>();
  for (const table of OWNED) {
    const rows = await db
      .selectFrom(table)
      .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('owner_id', 'is not', null)
      .groupBy('owner_id')
      .execute();
    for (const row of rows) {
      const id = row.owner_id as string;
      const current = counts.get(id) ?? { all: 0, controls: 0, systems: 0 };
      const n = Number(row.n);
      current.all += n;
      if (table === 'controls') current.controls += n;
      if (table === 'ai_systems') current.systems += n;
      counts.set(id, current);
    }
  }
  return counts;
}

export async function collectPeople(db: Executor, today: string): Promise<CollectedResource[]> {
  const [people, users, owned, training] = await Promise.all([
    db.selectFrom('people').selectAll().orderBy('id').execute(),
    db.selectFrom('users').selectAll().execute(),
    ownedCounts(db),
    trainingByPerson(db, today),
  ]);
  const userOf = new Map(users.map((u) => [u.person_id, u]));
  return people.map((p) => {
    const user = userOf.get(p.id);
    const counts = owned.get(p.id) ?? { all: 0, controls: 0, systems: 0 };
    return {
      type: 'person',
      externalId: p.id,
      name: p.name,
      attributes: {
        email: p.email,
        jobTitle: p.job_title,
        department: p.department,
        managerId: p.manager_id,
        active: readBool(p.active),
        hasAccount: user !== undefined,
        accountActive: user ? readBool(user.active) : false,
        role: user?.role ?? null,
        lastLoginAt: user?.last_login_at ?? null,
        ownedRecordCount: counts.all,
        ownedControlCount: counts.controls,
        ownedAiSystemCount: counts.systems,
        ...(training.get(p.id) ?? NO_TRAINING),
        createdAt: p.created_at,
        updatedAt: p.updated_at,
      },
    };
  });
}

export async function collectApiTokens(db: Executor): Promise<CollectedResource[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .innerJoin('people', 'people.id', 'users.person_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'api_tokens.created_at',
      'users.role',
      'users.active as user_active',
      'people.active as person_active',
    ])
    .orderBy('api_tokens.id')
    .execute();
  return rows.map((t) => ({
    type: 'api-token',
    externalId: t.id,
    name: t.name,
    attributes: {
      userRole: t.role,
      userActive: readBool(t.user_active),
      personActive: readBool(t.person_active),
      expiresAt: t.expires_at,
      revoked: t.revoked_at !== null,
      lastUsedAt: t.last_used_at,
      createdAt: t.created_at,
    },
  }));
}
