import type { Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';
import type { CollectedResource } from '../integration.js';

const percent = (done: number, assigned: number) =>
  assigned === 0 ? 100 : Math.round((1000 * done) / assigned) / 10;

/** Every policy with its lifecycle, review and acknowledgement facts as of `today`. */
export async function collectPolicies(db: Executor, today: string): Promise<CollectedResource[]> {
  const [policies, versions, acks] = await Promise.all([
    db
      .selectFrom('policies')
      .leftJoin('people as owner', 'owner.id', 'policies.owner_id')
      .selectAll('policies')
      .select(['owner.name as owner_name', 'owner.active as owner_active'])
      .orderBy('policies.id')
      .execute(),
    db.selectFrom('policy_versions').select(['policy_id', 'version', 'approved_at']).execute(),
    db
      .selectFrom('policy_acknowledgements as a')
      .innerJoin('policies as p', (join) =>
        join.onRef('p.id', '=', 'a.policy_id').onRef('p.published_version', '=', 'a.version'),
      )
      .select(['a.policy_id', 'a.acknowledged_at', 'a.due_on'])
      .execute(),
  ]);
  const approvedAt = new Map(versions.map((v) => [`${v.policy_id}:${Number(v.version)}`, v.approved_at]));
  return policies.map((p) => {
    const mine = acks.filter((a) => a.policy_id === p.id);
    const done = mine.filter((a) => a.acknowledged_at).length;
    const version = p.published_version === null ? null : Number(p.published_version);
    const inForce = version !== null && p.status !== 'retired';
    return {
      type: 'policy',
      externalId: p.id,
      name: p.title,
      attributes: {
        title: p.title,
        category: p.category,
        templateId: p.template_id,
        status: p.status,
        inForce,
        publishedVersion: version,
        publishedAt: p.published_at,
        approvedAt: version === null ? null : (approvedAt.get(`${p.id}:${version}`) ?? null),
        lastReviewedAt: p.last_reviewed_at,
        nextReviewDue: p.next_review_due,
        reviewOverdue: inForce && p.next_review_due !== null && p.next_review_due < today,
        acknowledgementsAssigned: mine.length,
        acknowledgementsDone: done,
        acknowledgementPercent: percent(done, mine.length),
        acknowledgementsOverdue: mine.filter((a) => !a.acknowledged_at && a.due_on < today).length,
        ownerId: p.owner_id,
        ownerName: p.owner_name,
        ownerActive: p.owner_active === null ? false : readBool(p.owner_active),
      },
    };
  });
}

/**
 * What the organisation-level tests read about policies: the AI policy (the one made from the ai-policy
 * template, else the first governance policy in force) and how many policies are in force or overdue.
 */
export function policyFacts(policies: CollectedResource[]) {
  const inForce = policies.filter((p) => p.attributes.inForce);
  const aiPolicy =
    inForce.find((p) => p.attributes.templateId === 'ai-policy') ??
    inForce.find((p) => p.attributes.category === 'governance');
  return {
    aiPolicyApprovedAt: (aiPolicy?.attributes.approvedAt as string | null | undefined) ?? null,
    aiPolicyAcknowledgedPercent: (aiPolicy?.attributes.acknowledgementPercent as number | undefined) ?? 0,
    policiesInForce: inForce.length,
    policiesReviewOverdue: inForce.filter((p) => p.attributes.reviewOverdue).length,
  };
}
