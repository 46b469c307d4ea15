import { z } from 'zod';
import type { Db, Executor } from '../../db/database.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import { requiredName } from '../shared/fields.js';
import { appendTrail } from '../trail/service.js';

const KEY = 'organisation';

export const organisationSchema = z
  .object({ name: requiredName(200) })
  .strict()
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisationSchema>;

/** The organisation's own details as stored, or a neutral placeholder before anyone has set them. */
export async function readOrganisation(db: Executor): Promise<Organisation> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const parsed = row ? organisationSchema.safeParse(JSON.parse(row.value)) : undefined;
  return parsed?.success ? parsed.data : { name: 'Organisation' };
}

/** The organisation's own details, shown on exported documents such as the Statement of Applicability. */
export function createOrganisationService(db: Db) {
  const read = () => readOrganisation(db.kysely);

  return {
    async get(actor: Actor): Promise<Organisation> {
      authorize(actor, 'records:read');
      return read();
    },
    async update(actor: Actor, input: Organisation): Promise<Organisation> {
      authorize(actor, 'aims:configure');
      const before = await read();
      await db.transaction(async (trx) => {
        const now = nowIso();
        await trx
          .insertInto('settings')
          .values({ key: KEY, value: JSON.stringify(input), updated_at: now })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(input), updated_at: now }))
          .execute();
        await appendTrail(db, trx, actor, {
          entityType: 'setting',
          entityId: KEY,
          action: 'update',
          before,
          after: input,
        });
      });
      return input;
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
