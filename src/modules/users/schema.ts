import { z } from 'zod';
import { ROLES } from '../auth/permissions.js';
import { MIN_PASSWORD_LENGTH } from '../auth/secrets.js';
import { idRef, requiredName, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, 'must be at most 1024 characters');

export const userCreateSchema = z
  .object({
    email: z
      .email('must be an email address')
      .max(254)
      .transform((e) => e.toLowerCase()),
    /** Needed only when no person has this email yet: the person is then created too. */
    name: requiredName().optional(),
    role: z.enum(ROLES),
    password: passwordSchema.optional(),
  })
  .strict();

export const userUpdateSchema = z
  .object({ role: z.enum(ROLES), active: z.boolean(), password: passwordSchema })
  .partial()
  .strict();

export const userSchema = z
  .object({
    ...timestampsShape,
    personId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    hasPassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const userListSpec: ListSpec = {
  sortable: {
    email: 'people.email',
    name: 'people.name',
    role: 'users.role',
    createdAt: 'users.created_at',
    lastLoginAt: 'users.last_login_at',
  },
  defaultSort: 'email',
  caseInsensitive: ['email', 'name'],
  nullable: ['lastLoginAt'],
  idColumn: 'users.id',
  searchable: ['people.email', 'people.name'],
  filters: {
    role: { schema: z.enum(ROLES), column: 'users.role' },
    personId: { schema: idRef(), column: 'users.person_id' },
  },
};
export const userListQuery = listQuerySchema(userListSpec);

export type UserCreate = z.infer<typeof userCreateSchema>;
export type UserUpdate = z.infer<typeof userUpdateSchema>;
export type User = z.infer<typeof userSchema>;
export type UserListQuery = z.infer<typeof userListQuery>;
