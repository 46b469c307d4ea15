import type { Db } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage, ListQuery } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { appendTrail } from '../trail/service.js';
import { presentIssue, presentParty, presentScopeVersion } from './presenter.js';
import * as repo from './repository.js';
import type {
  ContextIssue,
  InterestedParty,
  IssueCreate,
  IssueUpdate,
  PartyCreate,
  PartyUpdate,
  Scope,
  ScopeInput,
  ScopeVersion,
} from './schema.js';

const ownerCheck = (executor: Parameters<typeof assertReferences>[0], input: { ownerId?: string | null }) =>
  assertReferences(executor, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);

export function createScopeService(db: Db) {
  const issues = createRegisterService<IssueCreate, IssueUpdate, ContextIssue>(db, {
    entityType: 'context_issue',
    label: 'context issue',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: async (executor, id) => {
      const row = await repo.findIssue(executor, id);
      return row && presentIssue(row);
    },
    validate: ownerCheck,
    insert: (trx, id, input, now) => repo.insertIssue(trx, id, input, now),
    patch: (trx, id, input, now) => repo.updateIssue(trx, id, input, now),
    remove: repo.deleteIssue,
  });

  const parties = createRegisterService<PartyCreate, PartyUpdate, InterestedParty>(db, {
    entityType: 'interested_party',
    label: 'interested party',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: async (executor, id) => {
      const row = await repo.findParty(executor, id);
      return row && presentParty(row);
    },
    validate: ownerCheck,
    insert: (trx, id, input, now) => repo.insertParty(trx, id, input, now),
    patch: (trx, id, input, now) => repo.updateParty(trx, id, input, now),
    remove: repo.deleteParty,
  });

  return {
    async current(actor: Actor): Promise<Scope> {
      authorize(actor, 'records:read');
      const [latest, counts] = await Promise.all([repo.latestScope(db.kysely), repo.scopeCounts(db.kysely)]);
      return {
        current: latest ? presentScopeVersion(latest) : null,
        versionCount: counts.versions,
        contextIssues: { internal: counts.internal, external: counts.external },
        interestedParties: counts.parties,
      };
    },

    /** The scope statement is never edited in place: each change is a new numbered version. */
    async revise(actor: Actor, input: ScopeInput): Promise<ScopeVersion> {
      authorize(actor, 'aims:configure');
      return db.transaction(async (trx) => {
        const latest = await repo.latestScope(trx);
        const id = newId();
        await repo.insertScopeVersion(
          trx,
          {
            id,
            version: (latest?.version ?? 0) + 1,
            statement: input.statement,
            boundaries: input.boundaries ?? latest?.boundaries ?? '',
            exclusions: input.exclusions ?? latest?.exclusions ?? '',
            author_label: actor.label,
            author_user_id: actor.userId,
          },
          nowIso(),
        );
        const row = await repo.scopeVersion(trx, (latest?.version ?? 0) + 1);
        if (!row) throw new Error('scope version vanished inside its own transaction');
        const created = presentScopeVersion(row);
        await appendTrail(db, trx, actor, {
          entityType: 'scope',
          entityId: id,
          action: 'create',
          before: latest ? presentScopeVersion(latest) : undefined,
          after: created,
        });
        return created;
      });
    },

    async versions(actor: Actor): Promise<{ items: ScopeVersion[] }> {
      authorize(actor, 'records:read');
      return { items: (await repo.scopeVersions(db.kysely)).map(presentScopeVersion) };
    },

    async version(actor: Actor, version: number): Promise<ScopeVersion> {
      authorize(actor, 'records:read');
      const row = await repo.scopeVersion(db.kysely, version);
      if (!row) throw new NotFoundError('scope version', String(version));
      return presentScopeVersion(row);
    },

    issues: {
      ...issues,
      async list(actor: Actor, query: ListQuery): Promise<ListPage<ContextIssue>> {
        authorize(actor, 'records:read');
        const { rows, total } = await repo.listIssues(db.kysely, db.dialect, query);
        return { items: rows.map(presentIssue), total, limit: query.limit, offset: query.offset };
      },
    },

    parties: {
      ...parties,
      async list(actor: Actor, query: ListQuery): Promise<ListPage<InterestedParty>> {
        authorize(actor, 'records:read');
        const { rows, total } = await repo.listParties(db.kysely, db.dialect, query);
        return { items: rows.map(presentParty), total, limit: query.limit, offset: query.offset };
      },
    },
  };
}

export type ScopeService = ReturnType<typeof createScopeService>;
