import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

const HOUR = 3_600_000;

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo incidents: unknown ${what} "${key}"`);
  return id;
}

/**
 * Three incidents: a serious one on the high-risk credit model, reported to the authority in time and
 * closed with its root cause; an open privacy incident whose GDPR notification is still due; and a small
 * one, resolved. Times count back from the seed day, never past the present (the API refuses the future).
 */
export async function seedIncidents(
  services: Services,
  actor: Actor,
  people: Map<string, string>,
  systems: Map<string, string>,
  today: string,
) {
  const anchor = Math.min(Date.parse(`${today}T12:00:00.000Z`), Date.now());
  const at = (hoursAgo: number) => new Date(anchor - hoursAgo * HOUR).toISOString();
  const incidents = services.incidents;

  const bias = await incidents.create(actor, {
    title: 'Credit model declined applicants over 60 at twice the expected rate',
    description:
      'The monthly fairness report showed the decline rate for applicants over 60 doubled after the Q3 retraining, with no change in their repayment behaviour.',
    severity: 'high',
    harmType: 'discrimination',
    serious: true,
    seriousCategory: 'general',
    occurredAt: at(25 * 24 + 30 * 24),
    detectedAt: at(25 * 24),
    aiSystemIds: [lookup(systems, 'credit-scoring', 'AI system')],
    ownerId: lookup(people, 'head-model-risk', 'person'),
  });
  await incidents.update(actor, bias.id, { status: 'investigating' });
  await incidents.addTimelineEntry(actor, bias.id, {
    kind: 'containment',
    text: 'Automated declines for applicants over 60 routed to manual underwriting until the fix is live.',
    at: at(25 * 24 - 4),
  });
  await incidents.update(actor, bias.id, { status: 'contained' });
  const customers = await incidents.addNotification(actor, bias.id, {
    party: 'Affected loan applicants',
    basis: 'Consumer credit terms: inform and offer a manual reassessment',
    dueAt: at(5 * 24),
  });
  for (const n of customers.notifications)
    await incidents.updateNotification(actor, bias.id, n.id, {
      notifiedAt: n.rule ? at(16 * 24) : at(7 * 24),
      reference: n.rule ? 'MSA-NL-2026-0147' : 'Letters sent to 412 applicants',
    });
  await incidents.update(actor, bias.id, {
    status: 'closed',
    rootCause:
      'A feature derived from years at the current address acted as a proxy for age after retraining; the fairness gate compared against the wrong baseline release.',
    lessonsLearned:
      'The fairness gate now compares against the release in production, and proxy analysis is part of every retraining review.',
  });

  const leak = await incidents.create(actor, {
    title: 'Support assistant showed another customer’s recent transactions',
    description:
      'A customer reported that Nora listed card payments that were not theirs. Conversation memory mixed two sessions under load.',
    severity: 'high',
    harmType: 'privacy',
    occurredAt: at(22),
    detectedAt: at(20),
    aiSystemIds: [lookup(systems, 'support-assistant', 'AI system')],
    ownerId: lookup(people, 'dpo', 'person'),
  });
  await incidents.update(actor, leak.id, { status: 'investigating' });
  await incidents.addTimelineEntry(actor, leak.id, {
    kind: 'containment',
    text: 'Conversation memory disabled in production; sessions now start empty.',
    at: at(18),
  });

  const transcripts = await incidents.create(actor, {
    title: 'Speech analytics labelled Portuguese calls as Spanish',
    severity: 'low',
    harmType: 'other',
    detectedAt: at(12 * 24),
    aiSystemIds: [lookup(systems, 'speech-analytics', 'AI system')],
    ownerId: lookup(people, 'head-customer-ops', 'person'),
  });
  await incidents.update(actor, transcripts.id, {
    status: 'resolved',
    rootCause: 'The language detection threshold was too low for calls shorter than 20 seconds.',
  });
  return { incidents: 3 };
}
