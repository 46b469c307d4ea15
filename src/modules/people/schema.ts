import { z } from 'zod';
import { idRef, requiredName, shortText, timestampsShape } from '../shared/fields.js';
import type { ListSpec } from '../shared/list.js';
import { listQuerySchema } from '../shared/list.js';

const fields = {
  name: requiredName(),
  email: z
    .email('must be an email address')
    .max(254)
    .transform((e) => e.toLowerCase()),
  jobTitle: shortText().nullable(),
  department: shortText().nullable(),
  managerId: idRef().nullable(),
  active: z.boolean(),
};

export const personCreateSchema = z
  .object({
    ...fields,
    jobTitle: fields.jobTitle.optional(),
    department: fields.department.optional(),
    managerId: fields.managerId.optional(),
    active: fields.active.optional(),
  })
  .strict();
export const personUpdateSchema = z.object(fields).partial().strict();

export const personSchema = z
  .object({
    ...timestampsShape,
    name: z.string(),
    email: z.string(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
    managerId: z.string().nullable(),
    manager: z.object({ id: z.string(), name: z.string() }).nullable(),
    active: z.boolean(),
    hasLogin: z.boolean(),
  })
  .meta({ id: 'Person' });

export const peopleListSpec: ListSpec = {
  sortable: {
    name: 'people.name',
    email: 'people.email',
    department: 'people.department',
    jobTitle: 'people.job_title',
    createdAt: 'people.created_at',
    updatedAt: 'people.updated_at',
  },
  defaultSort: 'name',
  caseInsensitive: ['name', 'email', 'department', 'jobTitle'],
  nullable: ['department', 'jobTitle'],
  idColumn: 'people.id',
  searchable: ['people.name', 'people.email', 'people.job_title', 'people.department'],
  filters: {
    department: { schema: shortText(), column: 'people.department' },
    managerId: { schema: z.string().max(100), column: 'people.manager_id' },
    active: { schema: z.enum(['true', 'false']), column: 'people.active' },
  },
};

export const peopleListQuery = listQuerySchema(peopleListSpec);

export type PersonCreate = z.infer<typeof personCreateSchema>;
export type PersonUpdate = z.infer<typeof personUpdateSchema>;
export type Person = z.infer<typeof personSchema>;
export type PeopleListQuery = z.infer<typeof peopleListQuery>;
