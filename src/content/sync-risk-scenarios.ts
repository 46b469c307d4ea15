import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { nowIso } from '../lib/time.js';
import { readRiskScenarios, type ScenarioContent } from './risk-scenarios.js';

export interface SyncReport {
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
  const file = readRiskScenarios();
  const report: SyncReport = { inserted: 0, updated: 0, unchanged: 0 };
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
  });
  return report;
}
