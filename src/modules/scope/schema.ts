import { z } from 'zod';
import { idRef, longText, ownerSummary, requiredName, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const ISSUE_KINDS = ['internal', 'external'] as const;
export const ISSUE_CATEGORIES = [
  'regulatory',
  'legal',
  'technological',
  'market',
  'social',
  'environmental',
  'organisational',
  'economic',
  'ethical',
] as const;
export const ISSUE_EFFECTS = ['risk', 'opportunity', 'neutral'] as const;
export const PARTY_CATEGORIES = [
  'customer',
  'regulator',
  'employee',
  'supplier',
  'investor',
  'affected_community',
  'partner',
  'certification_body',
  'internal',
] as const;

export const scopeInputSchema = z
  .object({
    statement: z.string().trim().min(1, 'must not be empty').max(20_000),
    boundaries: longText().optional(),
    exclusions: longText().optional(),
  })
  .strict();

export const scopeVersionSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    statement: z.string(),
    boundaries: z.string(),
    exclusions: z.string(),
    author: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ScopeVersion' });

export const scopeSchema = z
  .object({
    current: scopeVersionSchema.nullable(),
    versionCount: z.number().int(),
    contextIssues: z.object({ internal: z.number().int(), external: z.number().int() }),
    interestedParties: z.number().int(),
  })
  .meta({ id: 'Scope' });

export const versionParams = z.object({ version: z.coerce.number().int().min(1).max(1_000_000) }).strict();

const issueFields = {
  kind: z.enum(ISSUE_KINDS),
  title: requiredName(300),
  description: longText(),
  category: z.enum(ISSUE_CATEGORIES),
  effect: z.enum(ISSUE_EFFECTS),
  ownerId: idRef().nullable(),
};
export const issueCreateSchema = z
  .object(issueFields)
  .partial()
  .required({ kind: true, title: true })
  .strict();
export const issueUpdateSchema = z.object(issueFields).partial().strict();
export const issueSchema = z
  .object({
    ...timestampsShape,
    kind: z.enum(ISSUE_KINDS),
    title: z.string(),
    description: z.string(),
    category: z.enum(ISSUE_CATEGORIES),
    effect: z.enum(ISSUE_EFFECTS),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
  })
  .meta({ id: 'ContextIssue' });
export const issueListSpec: ListSpec = {
  sortable: {
    title: 'context_issues.title',
    kind: 'context_issues.kind',
    category: 'context_issues.category',
    createdAt: 'context_issues.created_at',
    updatedAt: 'context_issues.updated_at',
  },
  defaultSort: 'title',
  caseInsensitive: ['title'],
  idColumn: 'context_issues.id',
  searchable: ['context_issues.title', 'context_issues.description'],
  filters: {
    kind: { schema: z.enum(ISSUE_KINDS), column: 'context_issues.kind' },
    category: { schema: z.enum(ISSUE_CATEGORIES), column: 'context_issues.category' },
    effect: { schema: z.enum(ISSUE_EFFECTS), column: 'context_issues.effect' },
    ownerId: { schema: z.string().max(100), column: 'context_issues.owner_id' },
  },
};
export const issueListQuery = listQuerySchema(issueListSpec);

const partyFields = {
  name: requiredName(),
  category: z.enum(PARTY_CATEGORIES),
  needs: longText(),
  expectations: longText(),
  ownerId: idRef().nullable(),
};
export const partyCreateSchema = z.object(partyFields).partial().required({ name: true }).strict();
export const partyUpdateSchema = z.object(partyFields).partial().strict();
export const partySchema = z
  .object({
    ...timestampsShape,
    name: z.string(),
    category: z.enum(PARTY_CATEGORIES),
    needs: z.string(),
    expectations: z.string(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
  })
  .meta({ id: 'InterestedParty' });
export const partyListSpec: ListSpec = {
  sortable: {
    name: 'interested_parties.name',
    category: 'interested_parties.category',
    createdAt: 'interested_parties.created_at',
    updatedAt: 'interested_parties.updated_at',
  },
  defaultSort: 'name',
  caseInsensitive: ['name'],
  idColumn: 'interested_parties.id',
  searchable: ['interested_parties.name', 'interested_parties.needs', 'interested_parties.expectations'],
  filters: {
    category: { schema: z.enum(PARTY_CATEGORIES), column: 'interested_parties.category' },
    ownerId: { schema: z.string().max(100), column: 'interested_parties.owner_id' },
  },
};
export const partyListQuery = listQuerySchema(partyListSpec);

export type ScopeInput = z.infer<typeof scopeInputSchema>;
export type ScopeVersion = z.infer<typeof scopeVersionSchema>;
export type Scope = z.infer<typeof scopeSchema>;
export type IssueCreate = z.infer<typeof issueCreateSchema>;
export type IssueUpdate = z.infer<typeof issueUpdateSchema>;
export type ContextIssue = z.infer<typeof issueSchema>;
export type PartyCreate = z.infer<typeof partyCreateSchema>;
export type PartyUpdate = z.infer<typeof partyUpdateSchema>;
export type InterestedParty = z.infer<typeof partySchema>;
