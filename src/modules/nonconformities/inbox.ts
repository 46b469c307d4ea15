import type { Executor } from '../../db/database.js';
import type { InboxItem } from '../inbox/item.js';

// Placeholder while the module is being built.
export async function nonconformityInboxItems(
  _db: Executor,
  _personId: string,
  _today: string,
): Promise<InboxItem[]> {
  return [];
}
