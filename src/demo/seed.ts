import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { contentPath } from '../content/paths.js';
import type { Db } from '../db/database.js';
import { stableId } from '../lib/ids.js';
import { addDays, nowIso, todayIso } from '../lib/time.js';
import { systemActor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';
import { type DemoOrganisation, demoSchema } from './organisation-schema.js';
import { seedAccountability } from './seed-accountability.js';
import { seedAudits } from './seed-audits.js';
import { seedCertification } from './seed-certification.js';
import { seedCompliance } from './seed-compliance.js';
import { seedImpactAssessments } from './seed-impact.js';
import { seedIncidents } from './seed-incidents.js';
import { seedManagementReviews } from './seed-management-reviews.js';
import { seedNonconformities } from './seed-nonconformities.js';
import { seedObjectives } from './seed-objectives.js';
import { seedPolicies } from './seed-policies.js';
import { seedTraining } from './seed-training.js';

/** Documented as demo-only in the README; never use the demo data directory in production. */
export const DEMO_PASSWORD = 'openaims-demo-2026';
export const DEMO_ADMIN_EMAIL = 'admin@northwind.example';
const MARKER = 'demo_seeded';
// Fixed time part of the demo's ids, so the same record gets the same id on every install.
const ID_EPOCH = Date.UTC(2026, 0, 1);

export type SeedOutcome =
  | { status: 'seeded'; counts: Record<string, number> }
  | { status: 'already_seeded' }
  | { status: 'not_empty' };

export function readDemoOrganisation(): DemoOrganisation {
  const file = contentPath('demo', 'organisation.yaml');
  const parsed = demoSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

function resolveDate(value: string | undefined, today: string): string | undefined {
  if (value === undefined) return undefined;
  const offset = /^([+-]\d+)d$/.exec(value);
  return offset ? addDays(today, Number(offset[1])) : value;
}

const atNine = (day: string | undefined) => (day ? `${day}T09:00:00.000Z` : undefined);

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo organisation: unknown ${what} "${key}"`);
  return id;
}

/**
 * Seeds the demo organisation through the same services the API uses (validation, trail and all),
 * so the demo is also a smoke test of the product. Runs once per database.
 */
export async function seedDemo(db: Db, services: Services, today = todayIso()): Promise<SeedOutcome> {
  const marker = await db.kysely
    .selectFrom('settings')
    .select('key')
    .where('key', '=', MARKER)
    .executeTakeFirst();
  if (marker) return { status: 'already_seeded' };
  const anyone = await db.kysely.selectFrom('people').select('id').limit(1).executeTakeFirst();
  if (anyone) return { status: 'not_empty' };

  const org = readDemoOrganisation();
  const actor = systemActor('demo seed');
  const id = (kind: string, key: string) => stableId(`demo:${kind}:${key}`, ID_EPOCH);
  const date = (value: string | undefined) => resolveDate(value, today);
  const people = new Map<string, string>();
  const vendors = new Map<string, string>();
  const datasets = new Map<string, string>();
  const systems = new Map<string, string>();

  // Managers first would need ordering; create everyone, then link managers.
  for (const p of org.people) {
    const created = await services.people.create(
      actor,
      {
        name: p.name,
        email: p.email,
        jobTitle: p.jobTitle,
        department: p.department,
        active: p.active ?? true,
      },
      { id: id('person', p.key) },
    );
    people.set(p.key, created.id);
  }
  for (const p of org.people) {
    if (p.managerKey) {
      await services.people.update(actor, lookup(people, p.key, 'person'), {
        managerId: lookup(people, p.managerKey, 'person'),
      });
    }
  }
  for (const u of org.users) {
    const person = org.people.find((p) => p.key === u.personKey);
    if (!person) throw new Error(`demo organisation: unknown person "${u.personKey}"`);
    await services.users.create(actor, { email: person.email, role: u.role, password: DEMO_PASSWORD });
  }
  for (const v of org.vendors) {
    const { key, ownerKey, lastReviewAt, ...fields } = v;
    const created = await services.vendors.create(
      actor,
      { ...fields, lastReviewAt: date(lastReviewAt), ownerId: lookup(people, ownerKey, 'person') },
      { id: id('vendor', key) },
    );
    vendors.set(key, created.id);
  }
  for (const d of org.datasets) {
    const { key, ownerKey, ...fields } = d;
    const created = await services.datasets.create(
      actor,
      { ...fields, ownerId: lookup(people, ownerKey, 'person') },
      { id: id('dataset', key) },
    );
    datasets.set(key, created.id);
  }
  for (const s of org.aiSystems) {
    const {
      key,
      ownerKey,
      models,
      datasetKeys,
      vendorKeys,
      deployedAt,
      lastReviewedAt,
      nextReviewDue,
      ...fields
    } = s;
    const created = await services.aiSystems.create(
      actor,
      {
        ...fields,
        ownerId: lookup(people, ownerKey, 'person'),
        models: models.map(({ providerVendorKey, ...model }) => ({
          ...model,
          providerVendorId: providerVendorKey ? lookup(vendors, providerVendorKey, 'vendor') : null,
        })),
        datasetIds: datasetKeys.map((k) => lookup(datasets, k, 'dataset')),
        vendorIds: vendorKeys.map((k) => lookup(vendors, k, 'vendor')),
        deployedAt: atNine(date(deployedAt)),
        lastReviewedAt: atNine(date(lastReviewedAt)),
        nextReviewDue: date(nextReviewDue),
      },
      { id: id('ai-system', key) },
    );
    systems.set(key, created.id);
  }
  for (const r of org.risks) {
    const { key, ownerKey, aiSystemKeys, dueDate, acceptance, ...fields } = r;
    await services.risks.create(
      actor,
      {
        ...fields,
        ownerId: lookup(people, ownerKey, 'person'),
        aiSystemIds: aiSystemKeys.map((k) => lookup(systems, k, 'AI system')),
        dueDate: date(dueDate),
        acceptance: acceptance && {
          approverId: lookup(people, acceptance.approverKey, 'person'),
          acceptedAt: date(acceptance.acceptedAt) as string,
          expiresAt: date(acceptance.expiresAt) as string,
        },
      },
      { id: id('risk', key) },
    );
  }
  await seedAccountability(services, actor, people, systems, id, today);
  await services.scope.revise(actor, org.scope);
  for (const [index, issue] of org.contextIssues.entries()) {
    const { ownerKey, ...fields } = issue;
    await services.scope.issues.create(
      actor,
      { ...fields, ownerId: lookup(people, ownerKey, 'person') },
      { id: id('issue', String(index)) },
    );
  }
  for (const [index, party] of org.interestedParties.entries()) {
    const { ownerKey, ...fields } = party;
    await services.scope.parties.create(
      actor,
      { ...fields, ownerId: lookup(people, ownerKey, 'person') },
      { id: id('party', String(index)) },
    );
  }
  // The first five systems have their per-system controls linked; the rest show the gap monitoring flags.
  const compliance = await seedCompliance(
    db,
    services,
    actor,
    people,
    [...systems.values()].slice(0, 5),
    today,
  );
  const demoUsers = org.users.map((u) => ({
    personKey: u.personKey,
    role: u.role,
    email: org.people.find((p) => p.key === u.personKey)?.email ?? '',
  }));
  const policies = await seedPolicies(services, actor, people, demoUsers, today);
  await seedIncidents(services, actor, people, systems, today);
  // The manager drafts and sends for review; the admin approves (separation of duties).
  const managerUser = demoUsers.find((u) => u.role === 'manager');
  const submitter = {
    ...actor,
    label: managerUser?.email ?? 'demo manager',
    personId: people.get(managerUser?.personKey ?? '') ?? null,
  };
  await seedImpactAssessments(services, actor, submitter, systems, today);
  await seedTraining(services, actor, people, org, today);
  await seedObjectives(services, actor, people, systems, today);
  await seedAudits(services, actor, people, systems, today);
  await seedNonconformities(services, actor, people, systems, today);
  await seedManagementReviews(services, actor, people, systems, today);
  await seedCertification(services, actor, people, systems, today);

  await db.kysely
    .insertInto('settings')
    .values({
      key: MARKER,
      value: JSON.stringify({ seededAt: nowIso(), organisation: org.organisation.name }),
      updated_at: nowIso(),
    })
    .execute();
  return {
    status: 'seeded',
    counts: {
      people: people.size,
      users: org.users.length,
      vendors: vendors.size,
      datasets: datasets.size,
      aiSystems: systems.size,
      risks: org.risks.length,
      contextIssues: org.contextIssues.length,
      interestedParties: org.interestedParties.length,
      adoptedControls: compliance.adoptedControls,
      evidence: compliance.evidence,
      policies: policies.policies,
    },
  };
}
