import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../shared/actor.js';
import { insertTimeline } from './notification-repository.js';
import type { TimelineEntry } from './notification-schema.js';

/** Who writes, inside which transaction, at what instant: shared by every step of one change. */
export interface WriteContext {
  db: Db;
  trx: Transaction<DB>;
  actor: Actor;
  now: string;
}

/** One line on the incident's timeline, written in the same transaction as the change it records. */
export function addTimeline(
  ctx: WriteContext,
  incidentId: string,
  entry: { kind: TimelineEntry['kind']; text: string; at?: string },
) {
  return insertTimeline(ctx.trx, {
    id: newId(),
    incident_id: incidentId,
    at: entry.at ?? ctx.now,
    kind: entry.kind,
    text: entry.text,
    author_label: ctx.actor.label,
    created_at: ctx.now,
  });
}

/** A deadline as people read it in the timeline: the UTC day and time, to the minute. */
export const readableTime = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
