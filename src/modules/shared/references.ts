import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { ValidationError } from '../../lib/errors.js';

type IdTable = 'people' | 'ai_systems' | 'datasets' | 'vendors' | 'risk_scenarios' | 'risks' | 'controls';

/** Checks that every referenced id exists, naming the offending field (e.g. `datasetIds[2]`). */
export async function assertReferences(
  db: Executor,
  checks: Array<{
    field: string;
    table: IdTable;
    ids: Array<string | null | undefined> | string | null | undefined;
  }>,
): Promise<void> {
  const errors: Array<{ field: string; message: string }> = [];
  for (const check of checks) {
    const list = Array.isArray(check.ids) ? check.ids : [check.ids];
    const wanted = [...new Set(list.filter((id): id is string => typeof id === 'string'))];
    if (wanted.length === 0) continue;
    const found = await db
      .selectFrom(check.table as keyof DB)
      .select('id' as never)
      .where('id' as never, 'in', wanted as never)
      .execute();
    const present = new Set(found.map((row) => (row as { id: string }).id));
    list.forEach((id, index) => {
      if (typeof id === 'string' && !present.has(id)) {
        errors.push({
          field: Array.isArray(check.ids) ? `${check.field}[${index}]` : check.field,
          message: `no ${check.table.replace(/_/g, ' ').replace(/s$/, '')} with id "${id}"`,
        });
      }
    });
  }
  if (errors.length > 0) throw new ValidationError(errors);
}

/** Replaces the link rows of a many-to-many relation in one go. */
export async function replaceLinks(
  trx: Executor,
  table: 'ai_system_datasets' | 'ai_system_vendors',
  aiSystemId: string,
  targetIds: string[],
): Promise<void> {
  await trx.deleteFrom(table).where('ai_system_id', '=', aiSystemId).execute();
  const unique = [...new Set(targetIds)];
  if (unique.length > 0) {
    await trx
      .insertInto(table)
      .values(unique.map((target_id) => ({ ai_system_id: aiSystemId, target_id })))
      .execute();
  }
}
