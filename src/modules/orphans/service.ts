import type { Db } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { findPerson } from '../people/repository.js';
import { type Actor, authorize } from '../shared/actor.js';
import { presentOwned } from './presenter.js';
import { reassignOwnedRecords } from './reassign.js';
import { countOrphansByOwner, countOwnedByType, listOwned } from './repository.js';
import type {
  OrphanListQuery,
  OrphanPage,
  PersonOwnedPage,
  PersonOwnedQuery,
  Reassign,
  ReassignResult,
} from './schema.js';

/** Records whose owner has left (people.active = false), and the handover that gives them a new owner. */
export function createOrphansService(db: Db) {
  return {
    async list(actor: Actor, query: OrphanListQuery): Promise<OrphanPage> {
      authorize(actor, 'records:read');
      const [{ rows, total }, owners] = await Promise.all([
        listOwned(db.kysely, db.dialect, query, true),
        countOrphansByOwner(db.kysely, db.dialect, query),
      ]);
      return {
        items: rows.map(presentOwned),
        total,
        limit: query.limit,
        offset: query.offset,
        byOwner: owners.map((o) => ({ personId: o.person_id, name: o.name, count: Number(o.count) })),
      };
    },

    /** Everything one person owns, active or not: what to hand over before they are deactivated. */
    async ownedBy(actor: Actor, personId: string, query: PersonOwnedQuery): Promise<PersonOwnedPage> {
      authorize(actor, 'records:read');
      if (!isUuid(personId) || !(await findPerson(db.kysely, personId)))
        throw new NotFoundError('person', personId);
      const params = { ...query, ownerId: personId };
      const [{ rows, total }, types] = await Promise.all([
        listOwned(db.kysely, db.dialect, params, false),
        countOwnedByType(db.kysely, db.dialect, params),
      ]);
      return {
        items: rows.map(presentOwned),
        total,
        limit: query.limit,
        offset: query.offset,
        byType: types.map((t) => ({ entityType: t.entity_type, count: Number(t.count) })),
      };
    },

    async reassign(actor: Actor, input: Reassign): Promise<ReassignResult> {
      authorize(actor, 'people:write');
      return reassignOwnedRecords(db, actor, input);
    },
  };
}

export type OrphansService = ReturnType<typeof createOrphansService>;
