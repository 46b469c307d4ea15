import type { Executor } from '../../db/database.js';
import { addDays } from '../../lib/time.js';
import type { InboxItem } from '../inbox/item.js';
import { dueActionsOf } from './action-repository.js';
import { pendingChecksOf } from './repository.js';

/** How far ahead actions and checks show up in their owner's inbox. */
const LOOKAHEAD_DAYS = 14;

/** A person's unfinished corrective actions and unrecorded effectiveness checks, due within two weeks or late. */
export async function nonconformityInboxItems(
  db: Executor,
  personId: string,
  today: string,
): Promise<InboxItem[]> {
  const until = addDays(today, LOOKAHEAD_DAYS);
  const [actions, checks] = await Promise.all([
    dueActionsOf(db, personId, until),
    pendingChecksOf(db, personId, until),
  ]);
  return [
    ...actions.map((a) => ({
      kind: 'corrective_action' as const,
      id: a.id,
      title: `${a.reference}: ${a.title}`,
      detail: a.nc_reference
        ? `Corrective action for ${a.nc_reference} (${a.progress}% done)`
        : a.incident_reference
          ? `Corrective action for ${a.incident_reference} (${a.progress}% done)`
          : `Improvement action (${a.progress}% done)`,
      dueOn: a.due_date,
      overdue: a.due_date < today,
      link: a.nonconformity_id ? `/nonconformities/${a.nonconformity_id}` : '/corrective-action-plan',
    })),
    ...checks.map((c) => ({
      kind: 'effectiveness_check' as const,
      id: c.id,
      title: `Check the effectiveness of ${c.reference}`,
      detail: c.title,
      dueOn: c.planned_for,
      overdue: c.planned_for < today,
      link: `/nonconformities/${c.nc_id}`,
    })),
  ];
}
