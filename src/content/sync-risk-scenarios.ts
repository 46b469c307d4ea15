import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../db/database.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { nowIso } from '../lib/time.js';
import { contentPath } from './paths.js';
import { readRiskScenarios, type ScenarioContent } from './risk-scenarios.js';

const HASH_KEY = 'risk_scenarios_content_hash';

export interface SyncReport {
  /** True when the file is unchanged since the last sync, so nothing was parsed. */
  skipped: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
}

function rowOf(scenario: ScenarioContent, version: number) {
  return {
    title: scenario.title,
    category: scenario.category,
    description: scenario.description,
    typical_causes: JSON.stringify(scenario.typicalCauses),
    typical_consequences: JSON.stringify(scenario.typicalConsequences),
    suggested_treatments: JSON.stringify(scenario.suggestedTreatments),
    default_likelihood: scenario.defaultLikelihood,
    default_impact: scenario.defaultImpact,
    content_version: version,
    content_hash: createHash('sha256').update(canonicalJson(scenario)).digest('hex'),
  };
}

/**
 * Brings the risk_scenarios table in line with the content file. Idempotent: rows whose content hash is
 * unchanged are left alone; scenarios removed from the file stay, since risks may still refer to them.
 */
export async function syncRiskScenarios(db: Db): Promise<SyncReport> {
  const text = readFileSync(contentPath('risk-scenarios.yaml'), 'utf8');
  const fileHash = createHash('sha256').update(text).digest('hex');
  const stored = await db.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', HASH_KEY)
    .executeTakeFirst();
  if (stored?.value === fileHash) return { skipped: true, inserted: 0, updated: 0, unchanged: 0 };
  const file = readRiskScenarios();
  const report: SyncReport = { skipped: false, inserted: 0, updated: 0, unchanged: 0 };
  await db.transaction(async (trx) => {
    const existing = new Map(
      (await trx.selectFrom('risk_scenarios').select(['id', 'content_hash']).execute()).map((r) => [
        r.id,
        r.content_hash,
      ]),
    );
    const now = nowIso();
    for (const scenario of file.scenarios) {
      const row = rowOf(scenario, file.version);
      const hash = existing.get(scenario.id);
      if (hash === row.content_hash) report.unchanged += 1;
      else if (hash === undefined) {
        await trx
          .insertInto('risk_scenarios')
          .values({ id: scenario.id, ...row, created_at: now, updated_at: now })
          .execute();
        report.inserted += 1;
      } else {
        await trx
          .updateTable('risk_scenarios')
          .set({ ...row, updated_at: now })
          .where('id', '=', scenario.id)
          .execute();
        report.updated += 1;
      }
    }
    await trx
      .insertInto('settings')
      .values({ key: HASH_KEY, value: fileHash, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: fileHash, updated_at: now }))
      .execute();
  });
  return report;
}
