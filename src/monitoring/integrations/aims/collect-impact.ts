import type { Executor } from '../../../db/database.js';
import { systemStatuses } from '../../../modules/impact-assessments/due.js';
import type { CollectedResource } from '../integration.js';

/** Adds each AI system's impact assessment standing to its resource (retired systems have none). */
export async function addImpactFacts(db: Executor, collected: CollectedResource[], today: string) {
  const statuses = new Map((await systemStatuses(db, today)).map((s) => [s.aiSystemId, s]));
  for (const resource of collected) {
    if (resource.type !== 'ai-system') continue;
    const s = statuses.get(resource.externalId);
    Object.assign(resource.attributes, {
      impactAssessmentApprovedAt: s?.approvedAt ?? null,
      impactAssessmentLevel: s?.impactLevel ?? null,
      impactAssessmentStatus: s?.status ?? 'retired',
    });
  }
}
