import type { Db, Executor } from '../../db/database.js';
import { todayIso } from '../../lib/time.js';
import { auditInboxItems } from '../audits/inbox.js';
import { concernInboxItems } from '../concerns/inbox.js';
import { managementReviewInboxItems } from '../management-reviews/inbox.js';
import { nonconformityInboxItems } from '../nonconformities/inbox.js';
import { objectiveInboxItems } from '../objectives/inbox.js';
import { policyInboxItems } from '../policies/inbox.js';
import { type Actor, authorize } from '../shared/actor.js';
import { trainingInboxItems } from '../training/inbox.js';
import type { InboxItem } from './item.js';
import { issueInboxItems, reviewInboxItems } from './sources.js';

/** Overdue first, then by due day (undated work last). */
const byUrgency = (a: InboxItem, b: InboxItem) =>
  Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');

const SOURCES = [
  policyInboxItems,
  trainingInboxItems,
  concernInboxItems,
  issueInboxItems,
  reviewInboxItems,
  objectiveInboxItems,
  auditInboxItems,
  nonconformityInboxItems,
  managementReviewInboxItems,
];

/** One person's due and overdue work, gathered from every module that hands out work. */
export async function inboxItemsFor(db: Executor, personId: string, today: string): Promise<InboxItem[]> {
  return (await Promise.all(SOURCES.map((source) => source(db, personId, today)))).flat().sort(byUrgency);
}

/** The caller's own inbox (the daily digest mails the same list). */
export function createInboxService(db: Db) {
  return {
    async mine(actor: Actor) {
      authorize(actor, 'self');
      if (!actor.personId) return { items: [], counts: { total: 0, overdue: 0 } };
      const items = await inboxItemsFor(db.kysely, actor.personId, todayIso());
      return { items, counts: { total: items.length, overdue: items.filter((i) => i.overdue).length } };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
