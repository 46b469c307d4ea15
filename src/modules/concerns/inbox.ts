import type { Executor } from '../../db/database.js';
import type { InboxItem } from '../inbox/item.js';
import { isOverdue } from './presenter.js';
import { openConcernsOf } from './repository.js';

const DETAIL_LENGTH = 140;

/** The concerns a person has to answer, for their inbox: every one assigned to them and not yet closed. */
export async function concernInboxItems(db: Executor, personId: string, today: string): Promise<InboxItem[]> {
  const rows = await openConcernsOf(db, personId);
  return rows.map((row) => {
    const about = row.ai_system_name ? ` about ${row.ai_system_name}` : '';
    const detail =
      row.description.length > DETAIL_LENGTH
        ? `${row.description.slice(0, DETAIL_LENGTH - 1)}…`
        : row.description;
    return {
      kind: 'concern' as const,
      id: row.id,
      title: `Concern #${row.number}: ${row.category.replace('_', ' ')}${about}`,
      detail,
      dueOn: row.due_on,
      overdue: isOverdue(row, today),
      link: `/concerns?concern=${row.id}`,
    };
  });
}
