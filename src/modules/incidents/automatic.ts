import { newId } from '../../lib/ids.js';
import { appendTrail } from '../trail/service.js';
import { type DeadlineFacts, readIncidentSettings, wantedNotifications } from './deadlines.js';
import {
  deleteNotification,
  insertNotification,
  type NotificationRow,
  notificationsOf,
  updateNotification,
} from './notification-repository.js';
import { NOTIFICATION_RULES } from './notification-schema.js';
import { presentNotification } from './presenter.js';
import { addTimeline, readableTime, type WriteContext } from './timeline.js';

/**
 * Keeps the notifications the law asks for in step with the incident: creates them when they become
 * required, moves an unsent one's deadline when the facts change, and drops an unsent one that no longer
 * applies. A notification already sent is history and never changes here.
 */
export async function syncAutomaticNotifications(
  ctx: WriteContext,
  incidentId: string,
  facts: DeadlineFacts,
): Promise<void> {
  const { db, trx, actor, now } = ctx;
  const wanted = wantedNotifications(facts, await readIncidentSettings(trx));
  const existing = (await notificationsOf(trx, [incidentId])).get(incidentId) ?? [];
  const trail = (action: 'create' | 'update' | 'delete', before?: NotificationRow, after?: NotificationRow) =>
    appendTrail(db, trx, actor, {
      entityType: 'incident_notification',
      entityId: (after ?? before)?.id as string,
      action,
      before: before && { incidentId, ...presentNotification(before, Date.parse(now)) },
      after: after && { incidentId, ...presentNotification(after, Date.parse(now)) },
    });
  const note = (text: string) => addTimeline(ctx, incidentId, { kind: 'notification', text });

  for (const rule of NOTIFICATION_RULES) {
    const want = wanted.find((w) => w.rule === rule);
    const have = existing.find((n) => n.rule === rule);
    if (want && !have) {
      const row: NotificationRow = {
        id: newId(),
        incident_id: incidentId,
        rule,
        party: want.party,
        interested_party_id: null,
        basis: want.basis,
        due_at: want.dueAt,
        notified_at: null,
        reference: '',
        notes: '',
        created_at: now,
        updated_at: now,
      };
      await insertNotification(trx, row);
      await note(`${want.party} to be notified by ${readableTime(want.dueAt)} (${want.basis}).`);
      await trail('create', undefined, row);
    } else if (want && have && have.notified_at === null) {
      if (have.due_at === want.dueAt && have.basis === want.basis) continue;
      const changes = { due_at: want.dueAt, basis: want.basis, updated_at: now };
      await updateNotification(trx, have.id, changes);
      await note(`Deadline for ${have.party} is now ${readableTime(want.dueAt)} (${want.basis}).`);
      await trail('update', have, { ...have, ...changes });
    } else if (!want && have && have.notified_at === null) {
      await deleteNotification(trx, have.id);
      await note(`${have.party} no longer needs to be notified under ${have.basis}.`);
      await trail('delete', have);
    }
  }
}
