import { createHash } from 'node:crypto';
import { addDays } from '../lib/time.js';
import type { Role } from '../modules/auth/permissions.js';
import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

interface PlannedPolicy {
  template: string;
  owner: string;
  state: 'published' | 'in_review' | 'draft';
  /** Days ago of the last review, to show a review due soon or overdue. */
  reviewedDaysAgo?: number;
  /** A second version with this changelog, to show a diff. */
  revision?: { changelog: string; addition: string };
}

const PLAN: PlannedPolicy[] = [
  {
    template: 'ai-policy',
    owner: 'aims-admin',
    state: 'published',
    revision: {
      changelog:
        'Adds the commitment on general-purpose AI models after the EU AI Act GPAI obligations applied.',
      addition:
        '\n\n## General-purpose AI models\n\nWhen we build on a general-purpose AI model, we check the provider’s technical documentation and copyright policy before use, and record the model and version in the AI system register.\n',
    },
  },
  { template: 'ai-acceptable-use', owner: 'head-compliance', state: 'published' },
  { template: 'ai-risk-management', owner: 'head-model-risk', state: 'published', reviewedDaysAgo: 400 },
  { template: 'ai-impact-assessment', owner: 'dpo', state: 'published' },
  { template: 'ai-incident-response', owner: 'head-compliance', state: 'published' },
  { template: 'third-party-ai', owner: 'cro', state: 'published', reviewedDaysAgo: 350 },
  { template: 'ai-data-governance', owner: 'head-data-science', state: 'published' },
  { template: 'ai-transparency', owner: 'head-compliance', state: 'published' },
  { template: 'responsible-ai-development', owner: 'head-ml-engineering', state: 'published' },
  { template: 'model-change-management', owner: 'head-ml-engineering', state: 'in_review' },
  { template: 'human-oversight', owner: 'head-model-risk', state: 'draft' },
];

const roll = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;

/**
 * The demo's policy register: most policies in force (one at version 2), one in review, one in draft, one
 * whose review is overdue and one due soon, and acknowledgements mostly done — the member still has the
 * acceptable use policy to acknowledge, so their inbox has work in it.
 */
export async function seedPolicies(
  services: Services,
  approver: Actor,
  people: Map<string, string>,
  users: Array<{ personKey: string; role: Role; email: string }>,
  today: string,
) {
  const person = (key: string) => {
    const id = people.get(key);
    if (!id) throw new Error(`demo policies: unknown person "${key}"`);
    return id;
  };
  const userActor = (u: (typeof users)[number]): Actor => ({
    type: 'user',
    userId: null,
    personId: person(u.personKey),
    role: u.role,
    label: u.email,
  });
  const manager = users.find((u) => u.role === 'manager');
  if (!manager) throw new Error('demo policies: the demo needs a manager');
  // The manager sends policies for review; the admin approves and publishes (separation of duties).
  const submitter = userActor(manager);
  const throughApproval = async (id: string) => {
    await services.policies.transition(submitter, id, { to: 'in_review' });
    await services.policies.transition(approver, id, { to: 'approved' });
    await services.policies.transition(approver, id, { to: 'published' });
  };

  let published = 0;
  for (const plan of PLAN) {
    const policy = await services.policies.create(approver, {
      templateId: plan.template,
      ownerId: person(plan.owner),
    });
    if (plan.state === 'draft') continue;
    if (plan.state === 'in_review') {
      await services.policies.transition(submitter, policy.id, { to: 'in_review' });
      continue;
    }
    await throughApproval(policy.id);
    if (plan.revision) {
      await services.policies.transition(submitter, policy.id, { to: 'draft', comment: 'Annual revision' });
      await services.policies.update(approver, policy.id, {
        body: `${policy.body}${plan.revision.addition}`,
        changelog: plan.revision.changelog,
      });
      await throughApproval(policy.id);
    }
    if (plan.reviewedDaysAgo)
      await services.policies.review(approver, policy.id, {
        notes: 'Reviewed with the owner; still fits our AI use.',
        reviewedOn: addDays(today, -plan.reviewedDaysAgo),
      });
    for (const user of users) {
      const member = user.role === 'member';
      const skip =
        (member && plan.template === 'ai-acceptable-use') || roll(`${plan.template}:${user.email}`) > 0.85;
      if (!skip && policy.audience.roles.includes(user.role))
        await services.policies.acknowledge(userActor(user), policy.id, {});
    }
    published += 1;
  }
  return { policies: PLAN.length, published };
}
