import type { Db, Executor } from '../../db/database.js';
import { ConflictError, ValidationError } from '../../lib/errors.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { presentPerson } from './presenter.js';
import {
  deletePerson,
  findPerson,
  findPersonByEmail,
  insertPerson,
  listPeople,
  updatePerson,
} from './repository.js';
import type { PeopleListQuery, Person, PersonCreate, PersonUpdate } from './schema.js';

async function validatePerson(db: Executor, input: Partial<PersonCreate>, existing?: Person): Promise<void> {
  if (input.email !== undefined && input.email !== existing?.email) {
    const clash = await findPersonByEmail(db, input.email);
    if (clash && clash.id !== existing?.id) {
      throw new ConflictError(`A person with email "${input.email}" already exists.`, 'email');
    }
  }
  if (input.managerId) {
    if (existing && input.managerId === existing.id)
      throw ValidationError.field('managerId', 'a person cannot manage themselves');
    await assertReferences(db, [{ field: 'managerId', table: 'people', ids: input.managerId }]);
  }
}

export function createPeopleService(db: Db) {
  const register = createRegisterService<PersonCreate, PersonUpdate, Person>(db, {
    entityType: 'person',
    label: 'person',
    permissions: { read: 'records:read', write: 'people:write', delete: 'people:write' },
    load: async (executor, id) => {
      const row = await findPerson(executor, id);
      return row && presentPerson(row);
    },
    validate: validatePerson,
    insert: (trx, id, input, now) => insertPerson(trx, db.dialect, id, input, now),
    patch: (trx, id, input, now) => updatePerson(trx, db.dialect, id, input, now),
    remove: deletePerson,
  });

  return {
    ...register,
    async list(actor: Actor, query: PeopleListQuery): Promise<ListPage<Person>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listPeople(db.kysely, db.dialect, query);
      return { items: rows.map(presentPerson), total, limit: query.limit, offset: query.offset };
    },
    findByEmail: (email: string) => findPersonByEmail(db.kysely, email),
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
