import type { Executor } from '../../../db/database.js';
import type { CollectedResource } from '../integration.js';

/**
 * Adds each AI system's change requests: those waiting for sign-off, and those implemented without every
 * required sign-off approved (which the workflow prevents, so any such row came from outside it).
 */
export async function addChangeFacts(db: Executor, collected: CollectedResource[]) {
  const [changes, signoffs] = await Promise.all([
    db.selectFrom('change_requests').select(['id', 'ai_system_id', 'status', 'required_signoffs']).execute(),
    db.selectFrom('change_signoffs').select(['change_request_id', 'requirement', 'decision']).execute(),
  ]);
  const approved = new Set(
    signoffs.filter((s) => s.decision === 'approve').map((s) => `${s.change_request_id}:${s.requirement}`),
  );
  const facts = new Map<string, { pending: number; unapproved: number; implemented: number }>();
  for (const c of changes) {
    const f = facts.get(c.ai_system_id) ?? { pending: 0, unapproved: 0, implemented: 0 };
    if (c.status === 'submitted') f.pending += 1;
    if (c.status === 'implemented') {
      f.implemented += 1;
      const required = JSON.parse(c.required_signoffs) as string[];
      if (!required.every((r) => approved.has(`${c.id}:${r}`))) f.unapproved += 1;
    }
    facts.set(c.ai_system_id, f);
  }
  for (const resource of collected) {
    if (resource.type !== 'ai-system') continue;
    const f = facts.get(resource.externalId);
    Object.assign(resource.attributes, {
      pendingChangeCount: f?.pending ?? 0,
      implementedChangeCount: f?.implemented ?? 0,
      unapprovedChangeCount: f?.unapproved ?? 0,
    });
  }
}
