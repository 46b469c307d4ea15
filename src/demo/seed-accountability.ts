import type { RiskListQuery } from '../modules/risks/schema.js';
import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';
import { DEMO_CONCERNS, DEMO_ROLES } from './accountability-data.js';

type Ref = (kind: string, key: string) => string;

const daysBefore = (today: string, days: number) =>
  new Date(Date.parse(`${today}T09:00:00.000Z`) - days * 86_400_000).toISOString();

/**
 * Roles with their RACI, concerns in every state, and the records a leaver still owns (so the orphan view
 * and its monitoring test have something to show).
 */
export async function seedAccountability(
  services: Services,
  actor: Actor,
  people: Map<string, string>,
  systems: Map<string, string>,
  ref: Ref,
  today: string,
) {
  const person = (key: string) => {
    const id = people.get(key);
    if (!id) throw new Error(`demo accountability: unknown person "${key}"`);
    return id;
  };
  for (const { key, raci, ...role } of DEMO_ROLES) {
    const assignments = raci.map(([personKey, letter]) => ({ personId: person(personKey), raci: letter }));
    await services.aimsRoles.create(actor, { ...role, assignments }, { id: ref('aims-role', key) });
  }
  for (const c of DEMO_CONCERNS) {
    const reporter = c.reporterKey ? { ...actor, personId: person(c.reporterKey) } : actor;
    const concern = await services.concerns.report(
      reporter,
      { ...c.input, aiSystemId: c.systemKey ? (systems.get(c.systemKey) ?? null) : null },
      { id: ref('concern', c.key), reportedAt: daysBefore(today, c.daysAgo) },
    );
    if (c.status)
      await services.concerns.update(actor, concern.id, { status: c.status, resolution: c.resolution });
  }
  // Tobias left without a handover: his customer analytics records still name him as owner.
  const leaver = person('former-ds-customer-analytics');
  const speech = systems.get('speech-analytics');
  const risks = await services.risks.list(actor, {
    limit: 2,
    offset: 0,
    aiSystemId: speech,
  } as RiskListQuery);
  for (const risk of risks.items) await services.risks.update(actor, risk.id, { ownerId: leaver });
  const datasets = await services.datasets.list(actor, { limit: 1, offset: 0, q: 'support chats' });
  for (const dataset of datasets.items)
    await services.datasets.update(actor, dataset.id, { ownerId: leaver });
}
