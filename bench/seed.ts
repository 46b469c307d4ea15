import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { newId } from '../src/lib/ids.js';
import { nowIso } from '../src/lib/time.js';

const STAGES = ['idea', 'design', 'development', 'validation', 'deployed', 'retired'];
const TIERS = ['high', 'limited', 'minimal', 'gpai', 'unassessed'];
const WORDS = [
  'credit',
  'fraud',
  'triage',
  'support',
  'ranking',
  'forecast',
  'vision',
  'speech',
  'pricing',
  'churn',
];
const BATCH = 400;

// A small deterministic generator, so every bench run measures the same data.
export function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Bulk-inserts synthetic records straight into the tables (the services would take minutes). */
export async function seedBulk(db: Db, systems: number, risks: number): Promise<{ aiSystemIds: string[] }> {
  const rand = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
  const now = nowIso();
  const people = Array.from({ length: 200 }, (_, i) => ({
    id: newId(),
    name: `Person ${i}`,
    email: `person${i}@bench.example`,
    job_title: null,
    department: null,
    manager_id: null,
    active: db.dialect.bool(true),
    created_at: now,
    updated_at: now,
  }));
  const aiSystemIds = Array.from({ length: systems }, () => newId());
  await db.transaction(async (trx) => {
    await trx.insertInto('people').values(people).execute();
    for (let start = 0; start < systems; start += BATCH) {
      const rows = aiSystemIds.slice(start, start + BATCH).map((id, i) => ({
        id,
        name: `${pick(WORDS)} ${pick(WORDS)} system ${start + i}`,
        description: `Synthetic system for ${pick(WORDS)} workloads`,
        intended_purpose: '',
        lifecycle_stage: pick(STAGES),
        organisation_role: 'deployer',
        risk_tier: pick(TIERS),
        affected_persons: '[]',
        decision_autonomy: null,
        human_oversight: '',
        deployment_environment: '',
        business_unit: pick(WORDS),
        owner_id: pick(people).id,
        models: '[]',
        deployed_at: null,
        last_reviewed_at: null,
        next_review_due: null,
        created_at: now,
        updated_at: now,
      }));
      await trx.insertInto('ai_systems').values(rows).execute();
    }
    for (let start = 0; start < risks; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, risks - start) }, (_, i) => {
        const likelihood = 1 + Math.floor(rand() * 5);
        const impact = 1 + Math.floor(rand() * 5);
        return {
          id: newId(),
          title: `Risk ${start + i} of ${pick(WORDS)}`,
          description: '',
          scenario_id: null,
          likelihood,
          impact,
          inherent_score: likelihood * impact,
          residual_likelihood: null,
          residual_impact: null,
          residual_score: null,
          treatment: null,
          treatment_plan: '',
          owner_id: pick(people).id,
          due_date: null,
          status: 'identified',
          accepted_by_id: null,
          accepted_at: null,
          acceptance_expires_at: null,
          created_at: now,
          updated_at: now,
        };
      });
      await trx.insertInto('risks').values(rows).execute();
      await trx
        .insertInto('risk_ai_systems')
        .values(rows.map((row) => ({ risk_id: row.id, ai_system_id: pick(aiSystemIds) })))
        .execute();
    }
  });
  // A live database has fresh planner statistics (autovacuum, or ANALYZE after a migration); a bulk
  // load has none until asked, and PostgreSQL picks poor plans without them.
  await sql`analyze`.execute(db.kysely);
  return { aiSystemIds };
}

/**
 * Puts ISO 42001 and ISO 27001 in scope, implements two thirds of the adopted controls and spreads
 * `count` evidence items over them (a tenth of them expired), straight into the tables.
 */
export async function seedEvidence(db: Db, count: number, ownerId: string): Promise<void> {
  const rand = random(7);
  const now = nowIso();
  await db.transaction(async (trx) => {
    await trx
      .updateTable('frameworks')
      .set({ in_scope: db.dialect.bool(true) })
      .where('id', 'in', ['iso-42001-2023', 'iso-27001-2022'])
      .execute();
    await trx
      .updateTable('controls')
      .set({ adopted: db.dialect.bool(true) })
      .where('source', '=', 'library')
      .execute();
    const controls = (await trx.selectFrom('controls').select('id').orderBy('id').execute()).map((c) => c.id);
    const implemented = controls.filter((_, i) => i % 3 !== 0);
    await trx
      .updateTable('controls')
      .set({ status: 'implemented', owner_id: ownerId })
      .where('id', 'in', implemented)
      .execute();
    for (let start = 0; start < count; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => ({
        id: newId(),
        title: `Evidence ${start + i}`,
        description: '',
        kind: 'note',
        owner_id: ownerId,
        latest_version: 1,
        collected_at: now,
        valid_until: rand() < 0.1 ? '2020-01-01' : '2099-01-01',
        created_at: now,
        updated_at: now,
      }));
      await trx.insertInto('evidence').values(rows).execute();
      await trx
        .insertInto('evidence_controls')
        .values(
          rows.map((row) => ({
            evidence_id: row.id,
            control_id: controls[Math.floor(rand() * controls.length)] as string,
          })),
        )
        .execute();
    }
  });
  await sql`analyze`.execute(db.kysely);
}
