import { readBool } from '../../db/dialect.js';
import type { PersonRow } from './repository.js';
import type { Person } from './schema.js';

export function presentPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    jobTitle: row.job_title,
    department: row.department,
    managerId: row.manager_id,
    manager: row.manager_id ? { id: row.manager_id, name: row.manager_name ?? '' } : null,
    active: readBool(row.active),
    hasLogin: readBool(row.has_login as number | boolean | null),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
