import { type ExpressionBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { idRef, longText, requiredName, textList, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const RACI = ['responsible', 'accountable', 'consulted', 'informed'] as const;
export type Raci = (typeof RACI)[number];

const assignmentInput = z.object({ personId: idRef(), raci: z.enum(RACI) }).strict();

const fields = {
  name: requiredName(),
  description: longText(5000),
  responsibilities: longText(20_000).describe('Markdown.'),
  isoRefs: textList(50, 40).describe('ISO/IEC 42001 references, e.g. "5.3", "A.3.2".'),
  aimsOwner: z
    .boolean()
    .describe('The role that owns the AIMS; its accountable person receives reported concerns.'),
  assignments: z
    .array(assignmentInput)
    .max(200)
    .describe('Who holds the role, one RACI letter per person; at most one person is accountable.'),
};

export const aimsRoleCreateSchema = z.object(fields).partial().required({ name: true }).strict();
export const aimsRoleUpdateSchema = z.object(fields).partial().strict();

const assignmentSchema = z.object({
  personId: z.string(),
  raci: z.enum(RACI),
  person: z.object({ id: z.string(), name: z.string(), active: z.boolean() }),
});

export const aimsRoleSchema = z
  .object({
    ...timestampsShape,
    name: z.string(),
    description: z.string(),
    responsibilities: z.string(),
    isoRefs: z.array(z.string()),
    aimsOwner: z.boolean(),
    assignments: z.array(assignmentSchema),
    accountable: z
      .object({ id: z.string(), name: z.string(), active: z.boolean() })
      .nullable()
      .describe('The one accountable person, when assigned.'),
  })
  .meta({ id: 'AimsRole' });

export const aimsRoleListSpec: ListSpec = {
  sortable: {
    name: 'aims_roles.name',
    createdAt: 'aims_roles.created_at',
    updatedAt: 'aims_roles.updated_at',
  },
  defaultSort: 'name',
  caseInsensitive: ['name'],
  idColumn: 'aims_roles.id',
  searchable: ['aims_roles.name', 'aims_roles.description', 'aims_roles.responsibilities'],
  filters: {
    // Converted to the dialect's boolean in the repository.
    aimsOwner: { schema: z.enum(['true', 'false']), column: 'aims_roles.aims_owner' },
    personId: {
      schema: z.string().max(100),
      apply: (q, personId: string) =>
        q.where(sql.ref('aims_roles.id'), 'in', (eb: ExpressionBuilder<DB, never>) =>
          eb.selectFrom('aims_role_assignments').select('role_id').where('person_id', '=', personId),
        ),
    },
  },
};

export const aimsRoleListQuery = listQuerySchema(aimsRoleListSpec);

export type AimsRoleCreate = z.infer<typeof aimsRoleCreateSchema>;
export type AimsRoleUpdate = z.infer<typeof aimsRoleUpdateSchema>;
export type AimsRoleAssignment = z.infer<typeof assignmentInput>;
export type AimsRole = z.infer<typeof aimsRoleSchema>;
export type AimsRoleListQuery = z.infer<typeof aimsRoleListQuery>;
