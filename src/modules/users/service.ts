import type { Db, Executor } from '../../db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { hashPassword } from '../auth/secrets.js';
import { presentPerson } from '../people/presenter.js';
import { findPerson, findPersonByEmail, insertPerson } from '../people/repository.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { appendTrail } from '../trail/service.js';
import { presentUser } from './presenter.js';
import * as repo from './repository.js';
import type { User, UserCreate, UserListQuery, UserUpdate } from './schema.js';

export function createUsersService(db: Db) {
  async function mustLoad(executor: Executor, id: string): Promise<User> {
    const row = isUuid(id) ? await repo.findUser(executor, id) : undefined;
    if (!row) throw new NotFoundError('user', id);
    return presentUser(row);
  }

  /** An instance must keep at least one active admin, or nobody could manage users any more. */
  async function assertAdminRemains(
    executor: Executor,
    user: User,
    next: { role?: string; active?: boolean },
  ) {
    const losesAdmin =
      user.role === 'admin' &&
      user.active &&
      (next.role !== undefined ? next.role !== 'admin' : next.active === false);
    if (losesAdmin && (await repo.countActiveAdmins(executor, db.dialect)) <= 1) {
      throw new ConflictError('This is the last active admin; make another user admin first.');
    }
  }

  return {
    async list(actor: Actor, query: UserListQuery): Promise<ListPage<User>> {
      authorize(actor, 'users:manage');
      const { rows, total } = await repo.listUsers(db.kysely, db.dialect, query);
      return { items: rows.map(presentUser), total, limit: query.limit, offset: query.offset };
    },

    async get(actor: Actor, id: string): Promise<User> {
      authorize(actor, 'users:manage');
      return mustLoad(db.kysely, id);
    },

    /** Gives a person a login; creates the person too when nobody has that email yet. */
    async create(actor: Actor, input: UserCreate): Promise<User> {
      authorize(actor, 'users:manage');
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db.transaction(async (trx) => {
        const now = nowIso();
        let person = await findPersonByEmail(trx, input.email);
        if (!person) {
          if (!input.name) throw ValidationError.field('name', 'required when no person has this email yet');
          const personId = newId();
          await insertPerson(trx, db.dialect, personId, { name: input.name, email: input.email }, now);
          const created = await findPerson(trx, personId);
          await appendTrail(db, trx, actor, {
            entityType: 'person',
            entityId: personId,
            action: 'create',
            after: created && presentPerson(created),
          });
          person = await findPersonByEmail(trx, input.email);
        }
        if (!person) throw new Error('person vanished inside its own transaction');
        if (await repo.findUserByPerson(trx, person.id)) {
          throw new ConflictError(`${input.email} already has a login.`, 'email');
        }
        const id = newId();
        await repo.insertUser(
          trx,
          {
            id,
            person_id: person.id,
            role: input.role,
            password_hash: passwordHash,
            active: db.dialect.bool(true),
          },
          now,
        );
        const after = await mustLoad(trx, id);
        await appendTrail(db, trx, actor, { entityType: 'user', entityId: id, action: 'create', after });
        return after;
      });
    },

    async update(actor: Actor, id: string, input: UserUpdate): Promise<User> {
      authorize(actor, 'users:manage');
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return db.transaction(async (trx) => {
        const before = await mustLoad(trx, id);
        await assertAdminRemains(trx, before, input);
        await repo.updateUser(
          trx,
          id,
          {
            role: input.role,
            active: input.active === undefined ? undefined : db.dialect.bool(input.active),
            password_hash: passwordHash,
          },
          nowIso(),
        );
        if (passwordHash || input.active === false) await repo.deleteSessionsOf(trx, id);
        const after = await mustLoad(trx, id);
        await appendTrail(db, trx, actor, {
          entityType: 'user',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },

    /** Removes the login only; the person and everything they own stay. */
    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'users:manage');
      await db.transaction(async (trx) => {
        const before = await mustLoad(trx, id);
        await assertAdminRemains(trx, before, { active: false });
        await repo.deleteUser(trx, id);
        await appendTrail(db, trx, actor, { entityType: 'user', entityId: id, action: 'delete', before });
      });
    },

    findByEmail: async (email: string) => {
      const person = await findPersonByEmail(db.kysely, email);
      return person ? repo.findUserByPerson(db.kysely, person.id) : undefined;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
