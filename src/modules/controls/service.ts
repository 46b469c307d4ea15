import type { Db, Executor } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { ConflictError, ValidationError } from '../../lib/errors.js';
import { todayIso } from '../../lib/time.js';
import { type ControlFacts, controlFacts } from '../frameworks/repository.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { operatingState } from './operating.js';
import {
  type ControlLinks,
  type ControlRow,
  findControl,
  listControls,
  loadControlLinks,
  replaceControlLinks,
} from './repository.js';
import type { Control, ControlCreate, ControlListQuery, ControlUpdate } from './schema.js';

const DEFINITION_FIELDS = [
  'name',
  'domain',
  'description',
  'ownerRole',
  'frequency',
  'evidenceRequired',
  'expectedEvidence',
  'mappings',
] as const;

function present(row: ControlRow, links: ControlLinks, facts: Map<string, ControlFacts>): Control {
  const fact = facts.get(row.id);
  const state = fact ? operatingState(fact) : { operating: false, reason: 'Unknown.' };
  const mappings = (links.mappings.get(row.id) ?? []) as Control['mappings'];
  return {
    id: row.id,
    source: row.source as Control['source'],
    name: row.name,
    domain: row.domain,
    description: row.description,
    ownerRole: row.owner_role,
    frequency: row.frequency,
    evidenceRequired: readBool(row.evidence_required),
    expectedEvidence: JSON.parse(row.expected_evidence) as string[],
    adopted: readBool(row.adopted),
    ownerId: row.owner_id,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    status: row.status as Control['status'],
    implementationNotes: row.implementation_notes,
    lastReviewedAt: row.last_reviewed_at,
    nextReviewDue: row.next_review_due,
    operating: state.operating,
    operatingReason: state.reason,
    evidenceCount: fact?.evidenceCount ?? 0,
    validEvidenceCount: fact?.validEvidence ?? 0,
    frameworkIds: [...new Set(mappings.map((m) => m.frameworkId))],
    mappings,
    riskIds: links.riskIds.get(row.id) ?? [],
    aiSystemIds: links.aiSystemIds.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function resolveMappings(db: Executor, mappings: ControlCreate['mappings']) {
  if (!mappings) return undefined;
  const errors: Array<{ field: string; message: string }> = [];
  const resolved: Array<{ requirementId: string; relationship: string; rationale: string }> = [];
  for (const [index, m] of mappings.entries()) {
    const requirement = await db
      .selectFrom('requirements')
      .select('id')
      .where('framework_id', '=', m.frameworkId)
      .where('ref', '=', m.ref)
      .executeTakeFirst();
    if (!requirement)
      errors.push({
        field: `mappings[${index}].ref`,
        message: `no requirement "${m.ref}" in ${m.frameworkId}`,
      });
    else
      resolved.push({ requirementId: requirement.id, relationship: m.relationship, rationale: m.rationale });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return resolved;
}

async function loadControl(executor: Executor, id: string): Promise<Control | undefined> {
  const row = await findControl(executor, id);
  if (!row) return undefined;
  const [links, facts] = await Promise.all([
    loadControlLinks(executor, [id]),
    controlFacts(executor, todayIso(), [id]),
  ]);
  return present(row, links, new Map(facts.map((f) => [f.id, f])));
}

/** Library controls take their definition from content: the organisation decides only adoption, owner and progress. */
async function validateControl(executor: Executor, input: ControlUpdate, existing?: Control): Promise<void> {
  if (existing?.source === 'library') {
    const field = DEFINITION_FIELDS.find((f) => input[f] !== undefined);
    if (field) {
      throw ValidationError.field(
        field,
        'comes from the control library and cannot be changed; add a custom control instead',
      );
    }
  }
  await assertReferences(executor, [
    { field: 'ownerId', table: 'people', ids: input.ownerId },
    { field: 'riskIds', table: 'risks', ids: input.riskIds },
    { field: 'aiSystemIds', table: 'ai_systems', ids: input.aiSystemIds },
  ]);
}

export function createControlsService(db: Db) {
  const register = createRegisterService<ControlCreate, ControlUpdate, Control>(db, {
    entityType: 'control',
    label: 'control',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    // Library controls have content slugs (AIMS-GOV-01), custom ones UUIDs.
    isId: (id) => id.length > 0 && id.length <= 100,
    load: loadControl,
    validate: validateControl,
    /** A custom control of the organisation's own; it is adopted unless said otherwise. */
    async insert(trx, id, input, now) {
      const mappings = await resolveMappings(trx, input.mappings ?? []);
      await trx
        .insertInto('controls')
        .values({
          id,
          source: 'custom',
          name: input.name,
          domain: input.domain ?? 'governance',
          description: input.description ?? '',
          owner_role: input.ownerRole ?? '',
          frequency: input.frequency ?? 'annual',
          evidence_required: db.dialect.bool(input.evidenceRequired ?? true),
          expected_evidence: JSON.stringify(input.expectedEvidence ?? []),
          adopted: db.dialect.bool(input.adopted ?? true),
          owner_id: input.ownerId ?? null,
          status: input.status ?? 'not_started',
          implementation_notes: input.implementationNotes ?? '',
          last_reviewed_at: input.lastReviewedAt ?? null,
          next_review_due: input.nextReviewDue ?? null,
          content_version: null,
          content_hash: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await replaceControlLinks(trx, id, {
        riskIds: input.riskIds,
        aiSystemIds: input.aiSystemIds,
        mappings,
      });
    },
    async patch(trx, id, input, now) {
      const mappings = await resolveMappings(trx, input.mappings);
      await trx
        .updateTable('controls')
        .set({
          name: input.name,
          domain: input.domain,
          description: input.description,
          owner_role: input.ownerRole,
          frequency: input.frequency,
          evidence_required:
            input.evidenceRequired === undefined ? undefined : db.dialect.bool(input.evidenceRequired),
          expected_evidence: input.expectedEvidence && JSON.stringify(input.expectedEvidence),
          adopted: input.adopted === undefined ? undefined : db.dialect.bool(input.adopted),
          owner_id: input.ownerId,
          status: input.status,
          implementation_notes: input.implementationNotes,
          last_reviewed_at: input.lastReviewedAt,
          next_review_due: input.nextReviewDue,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await replaceControlLinks(trx, id, {
        riskIds: input.riskIds,
        aiSystemIds: input.aiSystemIds,
        mappings,
      });
    },
    async remove(trx, id, existing) {
      if (existing.source === 'library') {
        throw new ConflictError('Library controls cannot be deleted; set adopted to false instead.');
      }
      await trx.deleteFrom('controls').where('id', '=', id).execute();
    },
  });

  return {
    ...register,

    async list(actor: Actor, query: ControlListQuery): Promise<ListPage<Control>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listControls(db.kysely, db.dialect, query);
      const ids = rows.map((r) => r.id);
      const [links, facts] = await Promise.all([
        loadControlLinks(db.kysely, ids),
        controlFacts(db.kysely, todayIso(), ids),
      ]);
      const byId = new Map(facts.map((f) => [f.id, f]));
      return {
        items: rows.map((r) => present(r, links, byId)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },
  };
}

export type ControlsService = ReturnType<typeof createControlsService>;
