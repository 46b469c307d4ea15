import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { addMonths, nowIso, todayIso } from '../../lib/time.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import { assignAcknowledgements, audienceOf, listAcknowledgements } from './acknowledgements.js';
import { transitionPermission } from './lifecycle.js';
import { findVersion, listVersions, updatePolicy } from './repository.js';
import type { Acknowledgement, Policy, PolicyStatus, PolicyVersion } from './schema.js';

type Load = (db: Executor, id: string, actor: Actor | null) => Promise<Policy | undefined>;

const presentVersion = (row: NonNullable<Awaited<ReturnType<typeof findVersion>>>): PolicyVersion => ({
  policyId: row.policy_id,
  version: Number(row.version),
  title: row.title,
  body: row.body,
  changelog: row.changelog,
  approvedBy: row.approved_by,
  approvedAt: row.approved_at,
  publishedBy: row.published_by,
  publishedAt: row.published_at,
  sha256: row.sha256,
});

/** Moving a policy through its lifecycle, reviewing it, and acknowledging what is in force. */
export function createPolicyWorkflow(db: Db, load: Load) {
  async function mustLoad(id: string, actor: Actor | null, executor: Executor = db.kysely): Promise<Policy> {
    const policy = await load(executor, id, actor);
    if (!policy) throw new NotFoundError('policy', id);
    return policy;
  }

  return {
    async transition(
      actor: Actor,
      id: string,
      input: { to: PolicyStatus; comment?: string },
    ): Promise<Policy> {
      authorize(actor, 'records:read');
      return db.transaction(async (trx) => {
        const before = await mustLoad(id, null, trx);
        const permission = transitionPermission(before.status, input.to);
        authorize(actor, permission);
        if (permission === 'records:write') assertOwnership(actor, before.ownerId);
        const now = nowIso();
        const changes: Parameters<typeof updatePolicy>[2] = { status: input.to, updated_at: now };
        if (input.to === 'in_review') {
          if (!before.body.trim())
            throw ValidationError.field('body', 'write the policy before sending it for review');
          changes.submitted_by = actor.label;
        }
        if (input.to === 'approved') {
          // Separation of duties: whoever sent the text for review does not approve it.
          if (before.submittedBy === actor.label)
            throw new ConflictError(
              'You sent this policy for review, so someone else must approve it.',
              'to',
            );
          changes.approved_by = actor.label;
          changes.approved_at = now;
        }
        if (input.to === 'draft')
          Object.assign(changes, { submitted_by: null, approved_by: null, approved_at: null });
        if (input.to === 'published') {
          const version = (before.publishedVersion ?? 0) + 1;
          if (version > 1 && !before.changelog.trim())
            throw ValidationError.field(
              'changelog',
              `say what changed since version ${version - 1} before publishing`,
            );
          await trx
            .insertInto('policy_versions')
            .values({
              policy_id: id,
              version,
              title: before.title,
              body: before.body,
              changelog: before.changelog.trim() || 'First published version.',
              approved_by: before.approvedBy ?? actor.label,
              approved_at: before.approvedAt ?? now,
              published_by: actor.label,
              published_at: now,
              sha256: createHash('sha256').update(before.body).digest('hex'),
            })
            .execute();
          Object.assign(changes, {
            published_version: version,
            published_at: now,
            last_reviewed_at: now,
            next_review_due: addMonths(todayIso(new Date(now)), before.reviewCadenceMonths),
            changelog: '',
          });
          const people = await audienceOf(trx, db.dialect, before.audience);
          await assignAcknowledgements(trx, id, version, people, now);
        }
        await updatePolicy(trx, id, changes);
        const after = await mustLoad(id, null, trx);
        await appendTrail(db, trx, actor, {
          entityType: 'policy',
          entityId: id,
          action: 'update',
          before,
          after: {
            ...after,
            transition: { from: before.status, to: input.to, comment: input.comment ?? null },
          },
        });
        return after;
      });
    },

    /** A periodic review that changes nothing still counts: it restarts the review cadence. */
    async review(actor: Actor, id: string, input: { notes: string; reviewedOn?: string }): Promise<Policy> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        const before = await mustLoad(id, null, trx);
        assertOwnership(actor, before.ownerId);
        if (before.publishedVersion === null || before.status === 'retired')
          throw new ConflictError('Only a policy in force can be reviewed; publish it first.');
        const day = input.reviewedOn ?? todayIso();
        if (day > todayIso()) throw ValidationError.field('reviewedOn', 'must not be in the future');
        await updatePolicy(trx, id, {
          last_reviewed_at: `${day}T12:00:00.000Z`,
          next_review_due: addMonths(day, before.reviewCadenceMonths),
          updated_at: nowIso(),
        });
        const after = await mustLoad(id, null, trx);
        await appendTrail(db, trx, actor, {
          entityType: 'policy',
          entityId: id,
          action: 'update',
          before,
          after: { ...after, review: { notes: input.notes, reviewedOn: day } },
        });
        return after;
      });
    },

    async versions(actor: Actor, id: string): Promise<{ items: PolicyVersion[] }> {
      authorize(actor, 'policies:read');
      await mustLoad(id, actor);
      return { items: (await listVersions(db.kysely, id)).map(presentVersion) };
    },

    async version(actor: Actor, id: string, version: number): Promise<PolicyVersion> {
      authorize(actor, 'policies:read');
      await mustLoad(id, actor);
      const row = await findVersion(db.kysely, id, version);
      if (!row) throw new NotFoundError('policy version', `${id} v${version}`);
      return presentVersion(row);
    },

    async acknowledgements(actor: Actor, id: string, version?: number) {
      authorize(actor, 'records:read');
      const policy = await mustLoad(id, null);
      const wanted = version ?? policy.publishedVersion;
      if (wanted === null) return { version: null, items: [] as Acknowledgement[] };
      return { version: wanted, items: await listAcknowledgements(db.kysely, id, wanted) };
    },

    /** The caller acknowledges the version in force; nobody can acknowledge for someone else. */
    async acknowledge(actor: Actor, id: string, input: { personId?: string }): Promise<Policy> {
      authorize(actor, 'policies:read');
      if (input.personId !== undefined && input.personId !== actor.personId)
        throw new ForbiddenError('Nobody acknowledges a policy for someone else.');
      if (!actor.personId)
        throw new ConflictError('Your account is not linked to a person, so it has nothing to acknowledge.');
      return db.transaction(async (trx) => {
        const policy = await mustLoad(id, actor, trx);
        const version = policy.publishedVersion;
        const row =
          version === null
            ? undefined
            : await trx
                .selectFrom('policy_acknowledgements')
                .selectAll()
                .where('policy_id', '=', id)
                .where('version', '=', version)
                .where('person_id', '=', actor.personId as string)
                .executeTakeFirst();
        if (!row) throw new ConflictError(`No acknowledgement of version ${version} is asked of you.`);
        if (row.acknowledged_at)
          throw new ConflictError(
            `You acknowledged version ${version} on ${row.acknowledged_at.slice(0, 10)}.`,
          );
        const now = nowIso();
        await trx
          .updateTable('policy_acknowledgements')
          .set({ acknowledged_at: now, acknowledged_by: actor.label })
          .where('id', '=', row.id)
          .execute();
        await appendTrail(db, trx, actor, {
          entityType: 'policy_acknowledgement',
          entityId: row.id,
          action: 'update',
          before: { policyId: id, version, personId: row.person_id, acknowledgedAt: null },
          after: { policyId: id, version, personId: row.person_id, acknowledgedAt: now },
        });
        return mustLoad(id, actor, trx);
      });
    },
  };
}
