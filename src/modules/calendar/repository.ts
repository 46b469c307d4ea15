import type { Executor } from '../../db/database.js';
import { addDays } from '../../lib/time.js';
import { EXTERNAL_AUDIT_LABELS, type ExternalAuditKind } from '../certification/schema.js';
import type { CalendarKind } from './schema.js';

export interface EventRow {
  kind: CalendarKind;
  id: string;
  title: string;
  start: string;
  end: string;
  status: string;
  /** Open work (not done, not cancelled): only open work can be overdue. */
  open: boolean;
  link: string;
}

type Range = { from: string; to: string };
type Source = (db: Executor, range: Range) => Promise<EventRow[]>;

const day = (value: string) => value.slice(0, 10);

/** One query per kind, each bounded by the range on its own date column. */
export const SOURCES: Record<CalendarKind, Source> = {
  async external_audit(db, { from, to }) {
    const rows = await db
      .selectFrom('external_audits')
      .select(['id', 'kind', 'planned_start', 'planned_end', 'status'])
      .where('planned_end', '>=', from)
      .where('planned_start', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'external_audit',
      id: r.id,
      title: `External ${EXTERNAL_AUDIT_LABELS[r.kind as ExternalAuditKind].toLowerCase()}`,
      start: r.planned_start,
      end: r.planned_end,
      status: r.status,
      open: r.status === 'planned',
      link: '/certification',
    }));
  },
  async certificate_expiry(db, { from, to }) {
    const rows = await db
      .selectFrom('certification')
      .select(['id', 'certificate_number', 'expires_on'])
      .where('expires_on', '>=', from)
      .where('expires_on', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'certificate_expiry',
      id: r.id,
      title: r.certificate_number ? `Certificate ${r.certificate_number} expires` : 'Certificate expires',
      start: r.expires_on as string,
      end: r.expires_on as string,
      status: 'scheduled',
      open: false,
      link: '/certification',
    }));
  },
  async internal_audit(db, { from, to }) {
    const rows = await db
      .selectFrom('audits')
      .select(['id', 'reference', 'title', 'planned_start', 'planned_end', 'status'])
      .where('status', '!=', 'cancelled')
      .where('planned_end', '>=', from)
      .where('planned_start', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'internal_audit',
      id: r.id,
      title: `Internal audit ${r.reference}: ${r.title}`,
      start: r.planned_start,
      end: r.planned_end,
      status: r.status,
      open: r.status === 'planned' || r.status === 'in_progress',
      link: `/audits/${r.id}`,
    }));
  },
  async management_review(db, { from, to }) {
    const rows = await db
      .selectFrom('management_reviews')
      .select(['id', 'title', 'scheduled_for', 'held_on', 'status'])
      .where('status', '!=', 'cancelled')
      .where((eb) =>
        eb.or([
          eb.and([eb('scheduled_for', '>=', from), eb('scheduled_for', '<=', to)]),
          eb.and([eb('held_on', '>=', from), eb('held_on', '<=', to)]),
        ]),
      )
      .execute();
    return rows.map((r) => ({
      kind: 'management_review',
      id: r.id,
      title: `Management review: ${r.title}`,
      start: r.held_on ?? r.scheduled_for,
      end: r.held_on ?? r.scheduled_for,
      status: r.status,
      open: r.status === 'planned' || r.status === 'in_progress',
      link: `/management-reviews/${r.id}`,
    }));
  },
  async corrective_action(db, { from, to }) {
    const rows = await db
      .selectFrom('corrective_actions')
      .select(['id', 'reference', 'title', 'due_date', 'status', 'nonconformity_id'])
      .where('status', 'not in', ['done', 'cancelled'])
      .where('due_date', '>=', from)
      .where('due_date', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'corrective_action',
      id: r.id,
      title: `${r.reference} due: ${r.title}`,
      start: r.due_date,
      end: r.due_date,
      status: r.status,
      open: true,
      link: r.nonconformity_id ? `/nonconformities/${r.nonconformity_id}` : '/corrective-action-plan',
    }));
  },
  async effectiveness_check(db, { from, to }) {
    const rows = await db
      .selectFrom('effectiveness_checks')
      .innerJoin('nonconformities', 'nonconformities.id', 'effectiveness_checks.nonconformity_id')
      .select([
        'effectiveness_checks.id',
        'effectiveness_checks.planned_for',
        'effectiveness_checks.result',
        'nonconformities.id as nc_id',
        'nonconformities.reference',
        'nonconformities.status as nc_status',
      ])
      .where('effectiveness_checks.planned_for', '>=', from)
      .where('effectiveness_checks.planned_for', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'effectiveness_check',
      id: r.id,
      title: `Effectiveness check of ${r.reference}`,
      start: r.planned_for,
      end: r.planned_for,
      status: r.result ?? 'planned',
      open: r.result === null && r.nc_status !== 'closed' && r.nc_status !== 'cancelled',
      link: `/nonconformities/${r.nc_id}`,
    }));
  },
  async review_action(db, { from, to }) {
    const rows = await db
      .selectFrom('management_review_outputs')
      .select(['id', 'review_id', 'description', 'due_date', 'status'])
      .where('status', '=', 'open')
      .where('due_date', '>=', from)
      .where('due_date', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'review_action',
      id: r.id,
      title: `Management review action due: ${r.description.split('\n')[0]?.slice(0, 120)}`,
      start: r.due_date as string,
      end: r.due_date as string,
      status: r.status,
      open: true,
      link: `/management-reviews/${r.review_id}`,
    }));
  },
  async objective(db, { from, to }) {
    const rows = await db
      .selectFrom('objectives')
      .select(['id', 'title', 'due_date', 'status'])
      .where('due_date', '>=', from)
      .where('due_date', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'objective',
      id: r.id,
      title: `Objective due: ${r.title}`,
      start: r.due_date as string,
      end: r.due_date as string,
      status: r.status,
      open: r.status === 'active',
      link: `/objectives?objective=${r.id}`,
    }));
  },
  async policy_review(db, { from, to }) {
    const rows = await db
      .selectFrom('policies')
      .select(['id', 'title', 'next_review_due', 'status'])
      .where('published_version', 'is not', null)
      .where('status', '!=', 'retired')
      .where('next_review_due', '>=', from)
      .where('next_review_due', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'policy_review',
      id: r.id,
      title: `Policy review: ${r.title}`,
      start: r.next_review_due as string,
      end: r.next_review_due as string,
      status: r.status,
      open: true,
      link: `/policies/${r.id}`,
    }));
  },
  async ai_system_review(db, { from, to }) {
    const rows = await db
      .selectFrom('ai_systems')
      .select(['id', 'name', 'next_review_due', 'lifecycle_stage'])
      .where('lifecycle_stage', '!=', 'retired')
      .where('next_review_due', '>=', from)
      .where('next_review_due', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'ai_system_review',
      id: r.id,
      title: `AI system review: ${r.name}`,
      start: r.next_review_due as string,
      end: r.next_review_due as string,
      status: r.lifecycle_stage,
      open: true,
      link: `/ai-systems/${r.id}`,
    }));
  },
  async vendor_review(db, { from, to }) {
    const rows = await db
      .selectFrom('vendors')
      .select(['id', 'name', 'next_review_due'])
      .where('next_review_due', '>=', from)
      .where('next_review_due', '<=', to)
      .execute();
    return rows.map((r) => ({
      kind: 'vendor_review',
      id: r.id,
      title: `Vendor review: ${r.name}`,
      start: r.next_review_due as string,
      end: r.next_review_due as string,
      status: 'due',
      open: true,
      link: `/vendors?vendor=${r.id}`,
    }));
  },
  async evidence_expiry(db, { from, to }) {
    const rows = await db
      .selectFrom('evidence')
      .select(['id', 'title', 'valid_until'])
      .where('valid_until', '>=', from)
      // valid_until may carry a time: anything on the last day is in range.
      .where('valid_until', '<', addDays(to, 1))
      .execute();
    return rows.map((r) => ({
      kind: 'evidence_expiry',
      id: r.id,
      title: `Evidence expires: ${r.title}`,
      start: day(r.valid_until as string),
      end: day(r.valid_until as string),
      status: 'expires',
      open: true,
      link: '/evidence',
    }));
  },
};
