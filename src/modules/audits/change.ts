import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { ForbiddenError } from '../../lib/errors.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import { mustLoadAudit } from './load.js';
import type { Audit } from './schema.js';

/** The checklist item or finding a change touched, so its trail entry shows it and not only the totals. */
export interface Touched {
  itemId?: string;
  findingId?: string;
}
export type Work = (
  trx: Transaction<DB>,
  before: Audit,
  now: string,
  // biome-ignore lint/suspicious/noConfusingVoidType: a step either names what it touched or returns nothing
) => Promise<Touched | void>;
export interface ChangeOptions {
  /**
   * Conducting the audit rather than planning it: internal auditors (the auditor role included) may start and
   * complete audits they lead, and record results and findings on audits they lead or are on the team of.
   */
  conduct?: 'lead' | 'team';
  nextLead?: string | undefined;
  /** When it happened, for audits carried over from earlier records (the demo seed); default now. */
  at?: string | undefined;
}

/** What the trail keeps of an audit: the record without its long checklist, plus what the change touched. */
export function snapshot({ checklist, findings, ...audit }: Audit, touched?: Touched) {
  const item = touched?.itemId ? checklist.find((i) => i.id === touched.itemId) : undefined;
  const findingId = touched?.findingId ?? item?.findingId;
  return {
    ...audit,
    ...(touched?.itemId ? { checklistItem: item ?? null } : {}),
    ...(findingId || touched?.itemId ? { finding: findings.find((f) => f.id === findingId) ?? null } : {}),
  };
}

function assertConducts(actor: Actor, audit: Audit, who: 'lead' | 'team'): void {
  if (actor.role === 'admin' || actor.role === 'manager') return;
  const me = actor.personId;
  const leads = me !== null && audit.leadAuditorId === me;
  const onTeam = me !== null && audit.teamIds.includes(me);
  if (leads || (who === 'team' && onTeam)) return;
  throw new ForbiddenError(
    who === 'lead'
      ? 'Only the lead auditor can do this.'
      : 'Only the lead auditor and the audit team can do this.',
  );
}

/**
 * One change to an audit in one transaction with its trail entry. Contributors work on audits they lead,
 * and, for results and findings, on audits whose team they are in.
 */
export function auditChange(db: Db) {
  return (actor: Actor, id: string, work: Work, options: ChangeOptions = {}): Promise<Audit> => {
    authorize(actor, options.conduct ? 'audits:conduct' : 'records:write');
    return db.transaction(async (trx) => {
      const before = await mustLoadAudit(trx, id);
      if (options.conduct) assertConducts(actor, before, options.conduct);
      else assertOwnership(actor, before.leadAuditorId, options.nextLead);
      const touched = (await work(trx, before, options.at ?? nowIso())) ?? undefined;
      const after = await mustLoadAudit(trx, id);
      await appendTrail(db, trx, actor, {
        entityType: 'audit',
        entityId: id,
        action: 'update',
        before: snapshot(before, touched),
        after: snapshot(after, touched),
      });
      return after;
    });
  };
}
