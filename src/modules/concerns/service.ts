import type { Db, Executor } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { addDays, nowIso, todayIso } from '../../lib/time.js';
import { aimsOwnerAccountable } from '../aims-roles/repository.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { appendTrail } from '../trail/service.js';
import { presentConcern } from './presenter.js';
import {
  aiSystemNames,
  findConcern,
  insertConcern,
  listConcerns,
  nextConcernNumber,
  updateConcern,
} from './repository.js';
import { ANONYMOUS_REPORTER, assertActiveAssignee, assertMayHandle, nextStatus } from './rules.js';
import {
  type Concern,
  type ConcernCreate,
  type ConcernListQuery,
  type ConcernUpdate,
  DEFAULT_CONCERN_SLA_DAYS,
  type MyConcernsQuery,
} from './schema.js';

/** Concerns about AI raised by anyone (A.3.3), routed to the AIMS owner and tracked to a resolution. */
export function createConcernsService(db: Db) {
  async function mustFind(executor: Executor, id: string) {
    const row = isUuid(id) ? await findConcern(executor, id) : undefined;
    if (!row) throw new NotFoundError('concern', id);
    return row;
  }

  async function page(query: MyConcernsQuery, reporterId?: string): Promise<ListPage<Concern>> {
    const { rows, total } = await listConcerns(db.kysely, db.dialect, query, reporterId);
    const today = todayIso();
    return {
      items: rows.map((r) => presentConcern(r, today)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  return {
    async list(actor: Actor, query: ConcernListQuery): Promise<ListPage<Concern>> {
      authorize(actor, 'records:read');
      return page(query);
    },

    /** The caller's own non-anonymous reports, so anyone can follow theirs to closure. */
    async mine(actor: Actor, query: MyConcernsQuery): Promise<ListPage<Concern>> {
      authorize(actor, 'self');
      if (!actor.personId) return { items: [], total: 0, limit: query.limit, offset: query.offset };
      return page(query, actor.personId);
    },

    /** Members cannot read the AI system register, yet must be able to say which system worries them. */
    async aiSystemOptions(actor: Actor) {
      authorize(actor, 'self');
      return { items: await aiSystemNames(db.kysely) };
    },

    async get(actor: Actor, id: string): Promise<Concern> {
      authorize(actor, 'records:read');
      return presentConcern(await mustFind(db.kysely, id), todayIso());
    },

    /** `options` serve imports of concerns raised before OpenAIMS (and the demo): a fixed id, an earlier day. */
    async report(
      actor: Actor,
      input: ConcernCreate,
      options: { id?: string; reportedAt?: string } = {},
    ): Promise<Concern> {
      authorize(actor, 'self');
      // Anonymous reports are written as a neutral actor: no id, person or email of the caller is kept.
      const writer = input.anonymous ? ANONYMOUS_REPORTER : actor;
      return db.transaction(async (trx) => {
        await assertReferences(trx, [{ field: 'aiSystemId', table: 'ai_systems', ids: input.aiSystemId }]);
        const id = options.id ?? newId();
        const now = nowIso();
        const reportedAt = options.reportedAt ?? now;
        await insertConcern(trx, {
          id,
          number: await nextConcernNumber(trx, db.dialect),
          ai_system_id: input.aiSystemId ?? null,
          category: input.category,
          description: input.description,
          anonymous: db.dialect.bool(input.anonymous),
          reporter_id: input.anonymous ? null : actor.personId,
          assignee_id: await aimsOwnerAccountable(trx, db.dialect),
          status: 'open',
          resolution: null,
          sla_days: DEFAULT_CONCERN_SLA_DAYS,
          due_on: addDays(reportedAt, DEFAULT_CONCERN_SLA_DAYS),
          closed_at: null,
          created_at: reportedAt,
          updated_at: now,
        });
        const after = presentConcern(await mustFind(trx, id), todayIso());
        await appendTrail(db, trx, writer, { entityType: 'concern', entityId: id, action: 'create', after });
        return after;
      });
    },

    async update(actor: Actor, id: string, input: ConcernUpdate): Promise<Concern> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        const existing = await mustFind(trx, id);
        assertMayHandle(actor, existing, input);
        const { status, closing } = nextStatus(existing, input);
        await assertActiveAssignee(trx, input.assigneeId);
        const now = nowIso();
        await updateConcern(
          trx,
          id,
          {
            assignee_id: input.assigneeId,
            status,
            resolution: input.resolution,
            closed_at: closing ? now : undefined,
          },
          now,
        );
        const today = todayIso();
        const before = presentConcern(existing, today);
        const after = presentConcern(await mustFind(trx, id), today);
        await appendTrail(db, trx, actor, {
          entityType: 'concern',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },
  };
}

export type ConcernsService = ReturnType<typeof createConcernsService>;
