import type { Db } from '../../db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addDays, nowIso, todayIso } from '../../lib/time.js';
import { requireReassessment } from '../impact-assessments/due.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { appendTrail } from '../trail/service.js';
import { createTrainingService } from '../training/service.js';
import type { AssignTraining } from '../training/trigger-schema.js';
import { listChanges, loadChange, nextReference } from './repository.js';
import {
  holdsSignoff,
  readSignoffRules,
  requiredSignoffs,
  type SignoffRules,
  writeSignoffRules,
} from './rules.js';
import type { Change, ChangeCreate, ChangeListQuery, ChangeUpdate } from './schema.js';

/** Days after a material change is implemented within which its system must be re-assessed. */
export const REASSESS_WITHIN_DAYS = 30;

/** Change requests on AI systems: drafted, submitted for the sign-offs the rules ask, implemented. */
export function createChangeRequestsService(db: Db) {
  const register = createRegisterService<ChangeCreate, ChangeUpdate, Change>(db, {
    entityType: 'change_request',
    label: 'change request',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    load: loadChange,
    validate: (executor, input) =>
      assertReferences(executor, [{ field: 'aiSystemId', table: 'ai_systems', ids: input.aiSystemId }]),
    async insert(trx, id, input, now, actor) {
      await trx
        .insertInto('change_requests')
        .values({
          id,
          reference: await nextReference(trx, now),
          ai_system_id: input.aiSystemId,
          type: input.type,
          title: input.title,
          description: input.description ?? '',
          material: db.dialect.bool(input.material ?? input.type !== 'deployment_environment_change'),
          status: 'draft',
          requester_id: actor.personId,
          requested_by: actor.label,
          required_signoffs: '[]',
          submitted_at: null,
          decided_at: null,
          implemented_on: null,
          implemented_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    },
    async patch(trx, id, input, now, existing) {
      if (existing.status !== 'draft')
        throw new ConflictError('Only a draft change request can be edited; it was submitted for sign-off.');
      await trx
        .updateTable('change_requests')
        .set({
          type: input.type,
          title: input.title,
          description: input.description,
          material: input.material === undefined ? undefined : db.dialect.bool(input.material),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },
    async remove(trx, id, existing) {
      if (existing.status !== 'draft')
        throw new ConflictError('Only a draft change request can be deleted; the others are the record.');
      await trx.deleteFrom('change_requests').where('id', '=', id).execute();
    },
  });

  /** One step of the workflow in a transaction, with a trail entry of the before and after. */
  async function step(
    actor: Actor,
    id: string,
    work: (change: Change, trx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<void>,
  ) {
    return db.transaction(async (trx) => {
      const before = await loadChange(trx, id);
      if (!before) throw new NotFoundError('change request', id);
      await work(before, trx);
      const after = (await loadChange(trx, id)) as Change;
      await appendTrail(db, trx, actor, {
        entityType: 'change_request',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  return {
    ...register,
    async list(actor: Actor, query: ChangeListQuery): Promise<ListPage<Change>> {
      authorize(actor, 'records:read');
      const { items, total } = await listChanges(db.kysely, db.dialect, query);
      return { items, total, limit: query.limit, offset: query.offset };
    },

    /** Fixes the sign-offs the rules ask for now; a change nobody needs to sign is approved at once. */
    submit(actor: Actor, id: string) {
      authorize(actor, 'records:write');
      return step(actor, id, async (change, trx) => {
        if (change.status !== 'draft')
          throw new ConflictError(`The change request is already ${change.status}.`);
        const system = await trx
          .selectFrom('ai_systems')
          .select('risk_tier')
          .where('id', '=', change.aiSystemId)
          .executeTakeFirstOrThrow();
        const needed = requiredSignoffs(await readSignoffRules(trx), {
          type: change.type,
          material: change.material,
          riskTier: system.risk_tier,
        });
        const now = nowIso();
        await trx
          .updateTable('change_requests')
          .set({
            status: needed.length === 0 ? 'approved' : 'submitted',
            required_signoffs: JSON.stringify(needed),
            submitted_at: now,
            decided_at: needed.length === 0 ? now : null,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
      });
    },

    sign(
      actor: Actor,
      id: string,
      input: { requirement: string; decision: 'approve' | 'reject'; comment?: string },
    ) {
      authorize(actor, 'records:write');
      return step(actor, id, async (change, trx) => {
        if (change.status !== 'submitted')
          throw new ConflictError(`The change request is ${change.status}: nothing to sign.`);
        const signoff = change.signoffs.find((s) => s.requirement === input.requirement);
        if (!signoff)
          throw ValidationError.field('requirement', `this change needs no "${input.requirement}" sign-off`);
        if (signoff.decision !== 'pending')
          throw new ConflictError(`${signoff.label} already signed (${signoff.decision}).`, 'requirement');
        const rules = await readSignoffRules(trx);
        if (
          rules.separation &&
          (change.requesterId ? change.requesterId === actor.personId : change.requestedBy === actor.label)
        )
          throw new ConflictError(
            'You requested this change, so someone else must sign it off.',
            'requirement',
          );
        const system = await trx
          .selectFrom('ai_systems')
          .select('owner_id')
          .where('id', '=', change.aiSystemId)
          .executeTakeFirstOrThrow();
        if (!(await holdsSignoff(trx, db.dialect, input.requirement, actor.personId, system.owner_id)))
          throw new ForbiddenError(`Only the ${signoff.label} signs this off.`);
        if (input.decision === 'reject' && !input.comment?.trim())
          throw ValidationError.field('comment', 'say why the change is rejected');
        const now = nowIso();
        await trx
          .insertInto('change_signoffs')
          .values({
            id: newId(),
            change_request_id: id,
            requirement: input.requirement,
            signer_person_id: actor.personId,
            signer_label: actor.label,
            decision: input.decision,
            comment: input.comment ?? '',
            signed_at: now,
          })
          .execute();
        const pending = change.signoffs.filter(
          (s) => s.decision === 'pending' && s.requirement !== input.requirement,
        );
        const status =
          input.decision === 'reject' ? 'rejected' : pending.length === 0 ? 'approved' : 'submitted';
        await trx
          .updateTable('change_requests')
          .set({ status, decided_at: status === 'submitted' ? null : now, updated_at: now })
          .where('id', '=', id)
          .execute();
      });
    },

    /**
     * Records the change as done. A material change asks for a fresh impact assessment within 30 days and
     * flags the system's risks for review.
     */
    implement(actor: Actor, id: string, input: { implementedOn: string }) {
      authorize(actor, 'records:write');
      return step(actor, id, async (change, trx) => {
        if (change.status !== 'approved')
          throw new ConflictError(
            `Only an approved change can be implemented; this one is ${change.status}.`,
          );
        if (input.implementedOn > todayIso())
          throw ValidationError.field('implementedOn', 'must not be in the future');
        const now = nowIso();
        await trx
          .updateTable('change_requests')
          .set({
            status: 'implemented',
            implemented_on: input.implementedOn,
            implemented_by: actor.label,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        if (!change.material) return;
        const reason = `Material change ${change.reference} (${change.type.replaceAll('_', ' ')}) implemented on ${input.implementedOn}.`;
        await requireReassessment(trx, change.aiSystemId, {
          reason,
          dueOn: addDays(input.implementedOn, REASSESS_WITHIN_DAYS),
          sourceType: 'change_request',
          sourceId: id,
        });
        const risks = await trx
          .selectFrom('risk_ai_systems')
          .select('risk_id')
          .where('ai_system_id', '=', change.aiSystemId)
          .execute();
        for (const { risk_id } of risks) {
          await trx.deleteFrom('risk_review_flags').where('risk_id', '=', risk_id).execute();
          await trx
            .insertInto('risk_review_flags')
            .values({ risk_id, reason, raised_at: now, source_type: 'change_request', source_id: id })
            .execute();
        }
      });
    },

    /** Training because of a change (e.g. operators of a new intended use), linked to the change. */
    async assignTraining(actor: Actor, id: string, input: AssignTraining) {
      authorize(actor, 'records:write');
      const change = await loadChange(db.kysely, id);
      if (!change) throw new NotFoundError('change request', id);
      if (change.status === 'draft' || change.status === 'rejected')
        throw new ConflictError(`A ${change.status} change asks nobody to train yet.`);
      return createTrainingService(db).assignForTrigger(actor, {
        courseId: input.courseId,
        personIds: input.personIds,
        dueOn: input.dueOn,
        reason: `Change ${change.reference}: ${change.title}`,
        sourceType: 'change_request',
        sourceId: id,
      });
    },

    /** Risks a material change asked to review, with why. */
    async flaggedRisks(actor: Actor, id: string) {
      authorize(actor, 'records:read');
      const rows = await db.kysely
        .selectFrom('risk_review_flags')
        .innerJoin('risks', 'risks.id', 'risk_review_flags.risk_id')
        .select(['risks.id', 'risks.title', 'risk_review_flags.reason', 'risk_review_flags.raised_at'])
        .where('risk_review_flags.source_id', '=', id)
        .orderBy('risks.title')
        .execute();
      return {
        items: rows.map((r) => ({ riskId: r.id, title: r.title, reason: r.reason, raisedAt: r.raised_at })),
      };
    },

    async rules(actor: Actor) {
      authorize(actor, 'records:read');
      return readSignoffRules(db.kysely);
    },

    async setRules(actor: Actor, rules: SignoffRules) {
      authorize(actor, 'aims:configure');
      for (const [i, rule] of rules.rules.entries())
        for (const [j, s] of rule.signoffs.entries())
          if (s.startsWith('role:')) {
            const found = await db.kysely
              .selectFrom('aims_roles')
              .select('id')
              .where('id', '=', s.slice(5))
              .executeTakeFirst();
            if (!found)
              throw ValidationError.field(`rules[${i}].signoffs[${j}]`, 'no AIMS role with this id');
          }
      await db.transaction(async (trx) => {
        const before = await readSignoffRules(trx);
        await writeSignoffRules(trx, rules, nowIso());
        await appendTrail(db, trx, actor, {
          entityType: 'setting',
          entityId: 'change_signoff_rules',
          action: 'update',
          before,
          after: rules,
        });
      });
      return rules;
    },
  };
}

export type ChangeRequestsService = ReturnType<typeof createChangeRequestsService>;
