import type { Transaction } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import type { Permission } from '../auth/permissions.js';
import { appendTrail } from '../trail/service.js';
import { type Actor, assertOwnership, authorize } from './actor.js';

/** What a register supplies; the factory adds permission checks, ownership, 404s, transactions and trail. */
export interface RegisterDefinition<Create, Update, Record extends { id: string }> {
  entityType: string;
  label: string;
  permissions: { read: Permission; write: Permission; delete: Permission };
  /** Present when contributors may edit the records they own. */
  owner?: {
    current: (record: Record) => string | null;
    requested: (input: Partial<Create>) => string | null | undefined;
  };
  /** Which ids can exist at all (default: UUIDs); anything else is a 404 without a query. */
  isId?: (id: string) => boolean;
  load(db: Executor, id: string): Promise<Record | undefined>;
  /** Semantic checks across fields and references; throw ValidationError naming the field. */
  validate?(db: Executor, input: Partial<Create>, existing?: Record): Promise<void>;
  insert(trx: Transaction<DB>, id: string, input: Create, now: string, actor: Actor): Promise<void>;
  patch(trx: Transaction<DB>, id: string, input: Update, now: string, existing: Record): Promise<void>;
  remove(trx: Transaction<DB>, id: string, existing: Record): Promise<void>;
}

export interface RegisterService<Create, Update, Record> {
  get(actor: Actor, id: string): Promise<Record>;
  create(actor: Actor, input: Create, options?: { id?: string }): Promise<Record>;
  update(actor: Actor, id: string, input: Update): Promise<Record>;
  remove(actor: Actor, id: string): Promise<void>;
}

export function createRegisterService<
  Create extends object,
  Update extends object,
  Record extends { id: string },
>(db: Db, def: RegisterDefinition<Create, Update, Record>): RegisterService<Create, Update, Record> {
  async function mustLoad(executor: Executor, id: string): Promise<Record> {
    const record = (def.isId ?? isUuid)(id) ? await def.load(executor, id) : undefined;
    if (!record) throw new NotFoundError(def.label, id);
    return record;
  }

  return {
    async get(actor, id) {
      authorize(actor, def.permissions.read);
      return mustLoad(db.kysely, id);
    },

    async create(actor, input, options = {}) {
      authorize(actor, def.permissions.write);
      const requestedOwner = def.owner?.requested(input);
      // A contributor's new record is theirs unless they name themselves explicitly.
      const withOwner =
        def.owner && requestedOwner === undefined && actor.role === 'contributor'
          ? ({ ...input, ownerId: actor.personId } as Create)
          : input;
      if (def.owner) assertOwnership(actor, actor.personId, def.owner.requested(withOwner) ?? null);
      const id = options.id ?? newId();
      return db.transaction(async (trx) => {
        await def.validate?.(trx, withOwner);
        await def.insert(trx, id, withOwner, nowIso(), actor);
        const after = await mustLoad(trx, id);
        await appendTrail(db, trx, actor, {
          entityType: def.entityType,
          entityId: id,
          action: 'create',
          after,
        });
        return after;
      });
    },

    async update(actor, id, input) {
      authorize(actor, def.permissions.write);
      return db.transaction(async (trx) => {
        const before = await mustLoad(trx, id);
        if (def.owner)
          assertOwnership(actor, def.owner.current(before), def.owner.requested(input as Partial<Create>));
        await def.validate?.(trx, input as Partial<Create>, before);
        await def.patch(trx, id, input, nowIso(), before);
        const after = await mustLoad(trx, id);
        await appendTrail(db, trx, actor, {
          entityType: def.entityType,
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },

    async remove(actor, id) {
      authorize(actor, def.permissions.delete);
      await db.transaction(async (trx) => {
        const before = await mustLoad(trx, id);
        await def.remove(trx, id, before);
        await appendTrail(db, trx, actor, {
          entityType: def.entityType,
          entityId: id,
          action: 'delete',
          before,
        });
      });
    },
  };
}
