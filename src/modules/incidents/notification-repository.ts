import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { IncidentNotificationsTable, IncidentTimelineTable } from '../../db/schema-incidents.js';

export type NotificationRow = IncidentNotificationsTable;
export type TimelineRow = IncidentTimelineTable;

function groupBy<T extends { incident_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.incident_id, [...(map.get(row.incident_id) ?? []), row]);
  return map;
}

export async function notificationsOf(db: Executor, incidentIds: string[]) {
  if (incidentIds.length === 0) return new Map<string, NotificationRow[]>();
  const rows = await db
    .selectFrom('incident_notifications')
    .selectAll()
    .where('incident_id', 'in', incidentIds)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
  return groupBy(rows);
}

/** Newest first; entries recorded at the same instant keep the order they were written in. */
export async function timelineOf(db: Executor, incidentIds: string[]) {
  if (incidentIds.length === 0) return new Map<string, TimelineRow[]>();
  const rows = await db
    .selectFrom('incident_timeline')
    .selectAll()
    .where('incident_id', 'in', incidentIds)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return groupBy(rows);
}

export function findNotification(db: Executor, incidentId: string, id: string) {
  return db
    .selectFrom('incident_notifications')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertNotification(trx: Transaction<DB>, row: NotificationRow) {
  await trx.insertInto('incident_notifications').values(row).execute();
}

export async function updateNotification(
  trx: Transaction<DB>,
  id: string,
  changes: Partial<NotificationRow>,
) {
  await trx.updateTable('incident_notifications').set(changes).where('id', '=', id).execute();
}

export async function deleteNotification(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('incident_notifications').where('id', '=', id).execute();
}

export async function insertTimeline(trx: Transaction<DB>, row: TimelineRow) {
  await trx.insertInto('incident_timeline').values(row).execute();
}

export function interestedPartyName(db: Executor, id: string) {
  return db.selectFrom('interested_parties').select('name').where('id', '=', id).executeTakeFirst();
}
