import type { Db, Executor } from '../../db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { appendTrail } from '../trail/service.js';
import { presentComment, presentIssue, presentTransition } from './presenter.js';
import {
  commentsOf,
  findIssue,
  insertComment,
  listIssues,
  transitionsWithSnapshots,
  updateOpenIssue,
} from './repository.js';
import type {
  CommentCreate,
  Issue,
  IssueComment,
  IssueDetail,
  IssueListQuery,
  IssueTransition,
  IssueUpdate,
} from './schema.js';

const RESOLVED = 'This issue is resolved; it changes again only if the test fails again (as a new issue).';

/** Issues are opened and closed by the monitoring engine; people assign, reschedule and discuss them. */
export function createIssuesService(db: Db) {
  async function mustFind(executor: Executor, id: string) {
    // Issue ids are UUIDs: anything else cannot exist, so it needs no query.
    const row = isUuid(id) ? await findIssue(executor, id) : undefined;
    if (!row) throw new NotFoundError('issue', id);
    return row;
  }

  async function transitionsOf(row: {
    opened_transition_id: string;
    resolved_transition_id: string | null;
  }): Promise<IssueTransition[]> {
    const wanted: Array<[string, IssueTransition['kind']]> = [[row.opened_transition_id, 'opened']];
    if (row.resolved_transition_id) wanted.push([row.resolved_transition_id, 'resolved']);
    const found = new Map(
      (
        await transitionsWithSnapshots(
          db.kysely,
          wanted.map(([id]) => id),
        )
      ).map((t) => [t.id, t]),
    );
    return wanted.flatMap(([id, kind]) => {
      const transition = found.get(id);
      return transition ? [presentTransition(transition, kind)] : [];
    });
  }

  return {
    async list(actor: Actor, query: IssueListQuery): Promise<ListPage<Issue>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listIssues(db.kysely, db.dialect, query);
      const now = nowIso();
      return {
        items: rows.map((row) => presentIssue(row, now)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    async get(actor: Actor, id: string): Promise<IssueDetail> {
      authorize(actor, 'records:read');
      const row = await mustFind(db.kysely, id);
      const [comments, transitions] = await Promise.all([commentsOf(db.kysely, id), transitionsOf(row)]);
      return {
        ...presentIssue(row, nowIso()),
        remediation: row.remediation,
        comments: comments.map(presentComment),
        transitions,
      };
    },

    /** Assigns or reschedules an open issue. Contributors only touch their own and cannot give them away. */
    async update(actor: Actor, id: string, input: IssueUpdate): Promise<Issue> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        const now = nowIso();
        const existing = await mustFind(trx, id);
        const before = presentIssue(existing, now);
        assertOwnership(actor, before.ownerId, input.ownerId);
        if (before.status !== 'open') throw new ConflictError(RESOLVED);
        await assertReferences(trx, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
        // Stored as UTC with milliseconds, like every timestamp, so due dates compare as text.
        const dueAt = input.dueAt === undefined ? undefined : new Date(input.dueAt).toISOString();
        if (dueAt !== undefined && dueAt < before.openedAt) {
          throw ValidationError.field('dueAt', 'must not be before the issue opened');
        }
        const changed = await updateOpenIssue(trx, id, { owner_id: input.ownerId, due_at: dueAt }, now);
        if (!changed) throw new ConflictError(RESOLVED);
        const after = presentIssue(await mustFind(trx, id), now);
        await appendTrail(db, trx, actor, {
          entityType: 'issue',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },

    /** Anyone who may write records may discuss any issue, open or resolved. */
    async comment(actor: Actor, id: string, input: CommentCreate): Promise<IssueComment> {
      authorize(actor, 'records:write');
      return db.transaction(async (trx) => {
        await mustFind(trx, id);
        const row = {
          id: newId(),
          issue_id: id,
          author_label: actor.label,
          author_user_id: actor.userId,
          body: input.body,
          created_at: nowIso(),
        };
        await insertComment(trx, row);
        const comment = presentComment(row);
        await appendTrail(db, trx, actor, {
          entityType: 'issue_comment',
          entityId: row.id,
          action: 'create',
          after: { ...comment, issueId: id },
        });
        return comment;
      });
    },
  };
}

export type IssuesService = ReturnType<typeof createIssuesService>;
