import type { Executor } from '../../db/database.js';

/** For datasets and vendors: which AI systems use each record of a page. */
export async function aiSystemsUsing(
  db: Executor,
  table: 'ai_system_datasets' | 'ai_system_vendors',
  ids: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom(table)
    .selectAll()
    .where('target_id', 'in', ids)
    .orderBy('ai_system_id')
    .execute();
  for (const row of rows) map.set(row.target_id, [...(map.get(row.target_id) ?? []), row.ai_system_id]);
  return map;
}
