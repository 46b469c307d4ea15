import { z } from 'zod';
import { idRef, requiredName, timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const tokenCreateSchema = z
  .object({
    name: requiredName(100),
    /** Days until expiry; omit for a token that never expires. */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
    /** Admins may issue a token for another user; everyone else gets their own. */
    userId: idRef().optional(),
  })
  .strict();

export const tokenSchema = z
  .object({
    ...timestampsShape,
    userId: z.string(),
    userEmail: z.string(),
    role: z.string(),
    name: z.string(),
    prefix: z
      .string()
      .describe('The first characters of the token, to recognise it; the rest is never stored.'),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiToken' });

export const createdTokenSchema = z
  .object({
    token: tokenSchema,
    secret: z.string().describe('Shown once: store it now, it cannot be read again.'),
  })
  .meta({ id: 'CreatedApiToken' });

export const tokenListSpec: ListSpec = {
  sortable: {
    name: 'api_tokens.name',
    createdAt: 'api_tokens.created_at',
    expiresAt: 'api_tokens.expires_at',
    lastUsedAt: 'api_tokens.last_used_at',
  },
  defaultSort: '-createdAt',
  caseInsensitive: ['name'],
  nullable: ['expiresAt', 'lastUsedAt'],
  idColumn: 'api_tokens.id',
  searchable: ['api_tokens.name', 'people.email'],
  filters: { userId: { schema: z.string().max(100), column: 'api_tokens.user_id' } },
};
export const tokenListQuery = listQuerySchema(tokenListSpec);

export type TokenCreate = z.infer<typeof tokenCreateSchema>;
export type ApiToken = z.infer<typeof tokenSchema>;
export type TokenListQuery = z.infer<typeof tokenListQuery>;
