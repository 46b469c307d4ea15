import type { Db } from '../db/database.js';
import { readBool } from '../db/dialect.js';
import { todayIso } from '../lib/time.js';
import type { InboxItem } from '../modules/inbox/item.js';
import { inboxItemsFor } from '../modules/inbox/service.js';
import type { Mail, Mailer } from './mailer.js';

/** Digests go out from this hour (UTC) on, once per person and day. */
export const DIGEST_HOUR_UTC = 7;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function digestMail(
  to: string,
  name: string,
  items: InboxItem[],
  publicUrl: string,
  organisation: string,
): Mail {
  const overdue = items.filter((i) => i.overdue).length;
  const subject = `${organisation}: ${items.length} item${items.length === 1 ? '' : 's'} waiting for you${overdue ? `, ${overdue} overdue` : ''}`;
  const line = (i: InboxItem) =>
    `- ${i.overdue ? '[OVERDUE] ' : ''}${i.title} (${i.detail})\n  ${publicUrl}${i.link}`;
  const text = `Hello ${name},\n\nThis is your daily OpenAIMS digest.\n\n${items.map(line).join('\n')}\n\nYour inbox: ${publicUrl}/inbox\n`;
  const html = `<p>Hello ${escapeHtml(name)},</p><p>This is your daily OpenAIMS digest.</p><ul>${items
    .map(
      (i) =>
        `<li>${i.overdue ? '<strong>Overdue:</strong> ' : ''}<a href="${escapeHtml(publicUrl + i.link)}">${escapeHtml(i.title)}</a> (${escapeHtml(i.detail)})</li>`,
    )
    .join('')}</ul><p><a href="${escapeHtml(`${publicUrl}/inbox`)}">Open your inbox</a></p>`;
  return { to, subject, text, html };
}

/**
 * Mails each active person with an active account their due and overdue work, once a day. The day's log
 * row is written first (its key makes the claim), and removed again when sending fails, so a later tick
 * retries and no one gets the same digest twice.
 */
export async function sendDigests(
  db: Db,
  mailer: Mailer,
  options: { now: Date; publicUrl: string; organisation: string },
) {
  if (options.now.getUTCHours() < DIGEST_HOUR_UTC) return { sent: 0 };
  const day = todayIso(options.now);
  const people = await db.kysely
    .selectFrom('people')
    .innerJoin('users', 'users.person_id', 'people.id')
    .leftJoin('notification_log as log', (join) =>
      join.onRef('log.person_id', '=', 'people.id').on('log.kind', '=', 'digest').on('log.day', '=', day),
    )
    .select(['people.id', 'people.name', 'people.email', 'people.active', 'users.active as user_active'])
    .where('log.person_id', 'is', null)
    .execute();
  let sent = 0;
  for (const person of people) {
    if (!readBool(person.active) || !readBool(person.user_active) || !person.email) continue;
    const items = await inboxItemsFor(db.kysely, person.id, day);
    const claimed = await db.kysely
      .insertInto('notification_log')
      .values({
        person_id: person.id,
        kind: 'digest',
        day,
        sent_at: options.now.toISOString(),
        items: items.length,
      })
      .onConflict((oc) => oc.columns(['person_id', 'kind', 'day']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1 || items.length === 0) continue;
    try {
      await mailer.send(
        digestMail(person.email, person.name, items, options.publicUrl, options.organisation),
      );
      sent += 1;
    } catch (error) {
      await db.kysely
        .deleteFrom('notification_log')
        .where('person_id', '=', person.id)
        .where('kind', '=', 'digest')
        .where('day', '=', day)
        .execute();
      throw error;
    }
  }
  return { sent };
}
