import type { Db, Executor } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { type ControlFacts, controlFacts } from '../frameworks/repository.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { appendTrail } from '../trail/service.js';
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

export function createControlsService(db: Db) {
  async function load(executor: Executor, id: string): Promise<Control | undefined> {
    const row = await findControl(executor, id);
    if (!row) return undefined;
    const [links, facts] = await Promise.all([
      loadControlLinks(executor, [id]),
      controlFacts(executor, todayIso(), [id]),
    ]);
    return present(row, links, new Map(facts.map((f) => [f.id, f])));
  }
  async function mustLoad(executor: Executor, id: string): Promise<Control> {
    const control = await load(executor, id);
    if (!control) throw new NotFoundError('control', id);
    return control;
  }
  const checkRefs = (executor: Executor, input: ControlUpdate) =>
    assertReferences(executor, [
      { field: 'ownerId', table: 'people', ids: input.ownerId },
      { field: 'riskIds', table: 'risks', ids: input.riskIds },
      { field: 'aiSystemIds', table: 'ai_systems', ids: input.aiSystemIds },
    ]);

  return {
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

    async get(actor: Actor, id: string): Promise<Control> {
      authorize(actor, 'records:read');
      return mustLoad(db.kysely, id);
    },

    /** A custom control of the organisation's own; it is adopted unless said otherwise. */
    async create(actor: Actor, input: ControlCreate): Promise<Control> {
      authorize(actor, 'records:write');
      const ownerId =
        input.ownerId === undefined && actor.role === 'contributor' ? actor.personId : input.ownerId;
      assertOwnership(actor, actor.personId, ownerId ?? null);
      const id = newId();
      return db.transaction(async (trx) => {
        await checkRefs(trx, input);
        const mappings = await resolveMappings(trx, input.mappings ?? []);
        const now = nowIso();
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
            owner_id: ownerId ?? null,
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
        const after = await mustLoad(trx, id);
        await appendTrail(db, trx, actor, { entityType: 'control', entityId: id, action: 'create', after });
        return after;
      });
    },

    async update(actor: Actor, id: string, input: ControlUpdate): Promise<Control> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        const before = await mustLoad(trx, id);
        assertOwnership(actor, before.ownerId, input.ownerId);
        if (before.source === 'library') {
          const field = DEFINITION_FIELDS.find((f) => input[f] !== undefined);
          if (field)
            throw ValidationError.field(
              field,
              'comes from the control library and cannot be changed; add a custom control instead',
            );
        }
        await checkRefs(trx, input);
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
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .execute();
        await replaceControlLinks(trx, id, {
          riskIds: input.riskIds,
          aiSystemIds: input.aiSystemIds,
          mappings,
        });
        const after = await mustLoad(trx, id);
        await appendTrail(db, trx, actor, {
          entityType: 'control',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'records:delete');
      await db.transaction(async (trx) => {
        const before = await mustLoad(trx, id);
        if (before.source === 'library')
          throw new ConflictError('Library controls cannot be deleted; set adopted to false instead.');
        await trx.deleteFrom('controls').where('id', '=', id).execute();
        await appendTrail(db, trx, actor, { entityType: 'control', entityId: id, action: 'delete', before });
      });
    },
  };
}

export type ControlsService = ReturnType<typeof createControlsService>;
