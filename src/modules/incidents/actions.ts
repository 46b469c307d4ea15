import type { Db } from '../../db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import { incidentChange, type Load } from './change.js';
import {
  findNotification,
  insertNotification,
  interestedPartyName,
  type NotificationRow,
  updateNotification,
} from './notification-repository.js';
import type { NotificationCreate, NotificationUpdate, TimelineCreate } from './notification-schema.js';
import { presentNotification } from './presenter.js';
import { inFuture, toUtc } from './rules.js';
import type { Incident } from './schema.js';
import { addTimeline, readableTime } from './timeline.js';

const shown = (row: NotificationRow, now: string) => ({
  incidentId: row.incident_id,
  ...presentNotification(row, Date.parse(now)),
});

/** What happens to an incident besides editing it: notifications and timeline notes. */
export function createIncidentActions(db: Db, mustLoad: Load) {
  const change = incidentChange(db, mustLoad);

  return {
    /** A notification added by hand: customers, the DPO, a partner under contract. */
    async addNotification(actor: Actor, id: string, input: NotificationCreate): Promise<Incident> {
      return change(actor, id, async (ctx, before) => {
        const { trx, now } = ctx;
        if (before.status === 'closed')
          throw new ConflictError('The incident is closed; reopen it before adding a notification.');
        const party = input.interestedPartyId && (await interestedPartyName(trx, input.interestedPartyId));
        if (input.interestedPartyId && !party)
          throw ValidationError.field(
            'interestedPartyId',
            `no interested party with id "${input.interestedPartyId}"`,
          );
        const dueAt = toUtc(input.dueAt);
        if (Date.parse(dueAt) < Date.parse(before.detectedAt))
          throw ValidationError.field('dueAt', 'must not be before the incident was detected');
        const row: NotificationRow = {
          id: newId(),
          incident_id: id,
          rule: null,
          party: input.party ?? (party ? party.name : ''),
          interested_party_id: input.interestedPartyId ?? null,
          basis: input.basis,
          due_at: dueAt,
          notified_at: null,
          reference: '',
          notes: '',
          created_at: now,
          updated_at: now,
        };
        await insertNotification(trx, row);
        const text = `${row.party} to be notified by ${readableTime(dueAt)} (${row.basis}).`;
        await addTimeline(ctx, id, { kind: 'notification', text });
        await appendTrail(db, trx, actor, {
          entityType: 'incident_notification',
          entityId: row.id,
          action: 'create',
          after: shown(row, now),
        });
      });
    },

    /** Records that (and when) a party was told; the time cannot precede the detection. */
    async updateNotification(
      actor: Actor,
      id: string,
      notificationId: string,
      input: NotificationUpdate,
    ): Promise<Incident> {
      return change(actor, id, async (ctx, before) => {
        const { trx, now } = ctx;
        const row = await findNotification(trx, id, notificationId);
        if (!row) throw new NotFoundError('incident notification', notificationId);
        const notifiedAt = input.notifiedAt ? toUtc(input.notifiedAt) : input.notifiedAt;
        if (notifiedAt && Date.parse(notifiedAt) < Date.parse(before.detectedAt))
          throw ValidationError.field('notifiedAt', 'must not be before the incident was detected');
        if (notifiedAt && inFuture(notifiedAt))
          throw ValidationError.field('notifiedAt', 'must not be in the future');
        if (notifiedAt === null && before.status === 'closed')
          throw new ConflictError('The incident is closed; reopen it before un-sending a notification.');
        const after: NotificationRow = {
          ...row,
          notified_at: notifiedAt === undefined ? row.notified_at : notifiedAt,
          reference: input.reference ?? row.reference,
          notes: input.notes ?? row.notes,
          updated_at: now,
        };
        await updateNotification(trx, row.id, after);
        if (notifiedAt && notifiedAt !== row.notified_at) {
          const late = Date.parse(notifiedAt) > Date.parse(row.due_at) ? ', after the deadline' : '';
          const ref = after.reference ? ` (reference ${after.reference})` : '';
          const text = `Notified ${row.party}${ref}${late}.`;
          await addTimeline(ctx, id, { kind: 'notification', text, at: notifiedAt });
        } else if (notifiedAt === null && row.notified_at !== null) {
          const text = `Notification to ${row.party} marked as not sent.`;
          await addTimeline(ctx, id, { kind: 'notification', text });
        }
        await appendTrail(db, trx, actor, {
          entityType: 'incident_notification',
          entityId: row.id,
          action: 'update',
          before: shown(row, now),
          after: shown(after, now),
        });
      });
    },

    /** A note, containment step or root-cause finding; status and notification entries are automatic. */
    async addTimelineEntry(actor: Actor, id: string, input: TimelineCreate): Promise<Incident> {
      return change(actor, id, async (ctx, before) => {
        const { trx, now } = ctx;
        const at = input.at ? toUtc(input.at) : now;
        if (inFuture(at)) throw ValidationError.field('at', 'must not be in the future');
        await addTimeline(ctx, id, { kind: input.kind, text: input.text, at });
        await appendTrail(db, trx, actor, {
          entityType: 'incident',
          entityId: id,
          action: 'update',
          before,
          after: { ...before, timelineEntry: { ...input, at } },
        });
      });
    },
  };
}
