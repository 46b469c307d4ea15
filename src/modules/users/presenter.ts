import { readBool } from '../../db/dialect.js';
import type { UserRow } from './repository.js';
import type { User } from './schema.js';

/** Never includes the password hash: the response schema has no field for it either. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    personId: row.person_id,
    email: row.email,
    name: row.name,
    role: row.role as User['role'],
    active: readBool(row.active),
    hasPassword: row.password_hash !== null,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
