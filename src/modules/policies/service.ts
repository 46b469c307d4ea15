import { loadPolicyTemplates } from '../../content/policy-templates.js';
import type { Db, Executor } from '../../db/database.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { diffTexts } from './diff.js';
import { exportPolicyVersion } from './export.js';
import { presentPolicy } from './presenter.js';
import {
  acknowledgementCounts,
  deletePolicy,
  findPolicy,
  listPolicies,
  ownAcknowledgements,
  type PolicyRow,
  publishedBodies,
} from './repository.js';
import type { Policy, PolicyCreate, PolicyListQuery, PolicyUpdate } from './schema.js';
import { createPolicyWorkflow } from './workflow.js';
import { createPolicyRows, patchPolicyRow } from './writes.js';

/** Members read policies as published: the text in force, and nothing that is not in force. */
const readsPublishedOnly = (actor: Actor) => actor.role === 'member';

async function present(db: Executor, rows: PolicyRow[], actor: Actor | null): Promise<Policy[]> {
  const inForce = rows.filter((r) => r.published_version !== null);
  const ids = rows.map((r) => r.id);
  const [counts, mine] = await Promise.all([
    acknowledgementCounts(
      db,
      inForce.map((r) => ({ id: r.id, version: Number(r.published_version) })),
    ),
    ownAcknowledgements(db, actor?.personId ?? null, ids),
  ]);
  const published =
    actor && readsPublishedOnly(actor) ? await publishedBodies(db, inForce) : new Map<string, string>();
  return rows.map((row) =>
    presentPolicy(row, {
      counts: counts.get(row.id),
      mine: mine.get(row.id),
      publishedBody: published.get(row.id),
    }),
  );
}

export async function loadPolicy(
  db: Executor,
  id: string,
  actor: Actor | null = null,
): Promise<Policy | undefined> {
  const row = await findPolicy(db, id);
  if (!row) return undefined;
  if (actor && readsPublishedOnly(actor) && (row.published_version === null || row.status === 'retired'))
    return undefined;
  return (await present(db, [row], actor))[0];
}

export function createPoliciesService(db: Db) {
  const register = createRegisterService<PolicyCreate, PolicyUpdate, Policy>(db, {
    entityType: 'policy',
    label: 'policy',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: (executor, id) => loadPolicy(executor, id),
    async validate(executor, input) {
      if (input.templateId !== undefined && !loadPolicyTemplates().some((t) => t.id === input.templateId))
        throw ValidationError.field('templateId', `no policy template "${input.templateId}"`);
      await assertReferences(executor, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
    },
    insert: (trx, id, input, now) => createPolicyRows(trx, id, input, now),
    patch: (trx, id, input, now, existing) => patchPolicyRow(trx, id, input, now, existing),
    remove: deletePolicy,
  });

  const workflow = createPolicyWorkflow(db, loadPolicy);

  return {
    ...register,
    async get(actor: Actor, id: string): Promise<Policy> {
      authorize(actor, 'policies:read');
      const policy = await loadPolicy(db.kysely, id, actor);
      if (!policy) throw new NotFoundError('policy', id);
      return policy;
    },
    async list(actor: Actor, query: PolicyListQuery): Promise<ListPage<Policy>> {
      authorize(actor, 'policies:read');
      const { rows, total } = await listPolicies(db.kysely, db.dialect, query, readsPublishedOnly(actor));
      return {
        items: await present(db.kysely, rows, actor),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },
    transition: workflow.transition,
    review: workflow.review,
    versions: workflow.versions,
    version: workflow.version,
    acknowledgements: workflow.acknowledgements,
    acknowledge: workflow.acknowledge,

    /** Any two published versions, or a version against the working draft. */
    async diff(actor: Actor, id: string, from: number, to: number | 'draft' = 'draft') {
      authorize(actor, 'records:read');
      const policy = await register.get(actor, id);
      const before = await workflow.version(actor, id, from);
      const after = to === 'draft' ? policy.body : (await workflow.version(actor, id, to)).body;
      return {
        from,
        to,
        ...diffTexts(before.body, after, [`v${from}`, to === 'draft' ? 'draft' : `v${to}`]),
      };
    },

    async exportVersion(actor: Actor, id: string, version: number, format: 'pdf' | 'docx') {
      const found = await workflow.version(actor, id, version);
      const policy = (await loadPolicy(db.kysely, id, null)) as Policy;
      return exportPolicyVersion(db.kysely, policy, found, format);
    },

    templates(actor: Actor) {
      authorize(actor, 'records:read');
      return { items: loadPolicyTemplates() };
    },

    template(actor: Actor, templateId: string) {
      authorize(actor, 'records:read');
      const template = loadPolicyTemplates().find((t) => t.id === templateId);
      if (!template) throw new NotFoundError('policy template', templateId);
      return template;
    },
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
