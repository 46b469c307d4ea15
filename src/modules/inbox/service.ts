import type { Db } from '../../db/database.js';
import { todayIso } from '../../lib/time.js';
import { concernInboxItems } from '../concerns/inbox.js';
import { policyInboxItems } from '../policies/inbox.js';
import { type Actor, authorize } from '../shared/actor.js';
import { trainingInboxItems } from '../training/inbox.js';
import type { InboxItem } from './item.js';
import { issueInboxItems, reviewInboxItems } from './sources.js';

/** Overdue first, then by due day (undated work last). */
const byUrgency = (a: InboxItem, b: InboxItem) =>
  Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');

/** The caller's own due and overdue work, gathered from every module that hands out work. */
export function createInboxService(db: Db) {
  return {
    async mine(actor: Actor) {
      authorize(actor, 'self');
      if (!actor.personId) return { items: [], counts: { total: 0, overdue: 0 } };
      const today = todayIso();
      const sources = [
        policyInboxItems,
        trainingInboxItems,
        concernInboxItems,
        issueInboxItems,
        reviewInboxItems,
      ];
      const items = (
        await Promise.all(sources.map((source) => source(db.kysely, actor.personId as string, today)))
      )
        .flat()
        .sort(byUrgency);
      return { items, counts: { total: items.length, overdue: items.filter((i) => i.overdue).length } };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
