import type { Executor } from '../../db/database.js';
import { addMonths } from '../../lib/time.js';
import { presentCertificate, presentExternalAudit } from './presenter.js';
import * as repo from './repository.js';
import type { Certification } from './schema.js';

/** How far back an external audit's preparation looks when no earlier external audit bounds it. */
const PREPARATION_MONTHS = 12;

/**
 * The certificate, its external audits, the next one, and for each upcoming audit the internal audits and
 * management reviews dated since the previous external audit (what an auditor expects to have happened).
 */
export async function certificationState(
  executor: Executor,
  frameworkId: string,
  today: string,
): Promise<Certification> {
  const row = await repo.findCertification(executor, frameworkId);
  if (!row) return { certification: null, externalAudits: [], nextExternalAudit: null, preparation: [] };
  const audits = (await repo.listExternalAudits(executor, row.id)).map(presentExternalAudit);
  const upcoming = audits.filter((a) => a.status === 'planned' && a.plannedEnd >= today);
  const preparation = [];
  for (const audit of upcoming) {
    const previous = audits
      .filter((a) => a.plannedStart < audit.plannedStart && a.status !== 'cancelled')
      .at(-1);
    const from = previous?.plannedEnd ?? addMonths(audit.plannedStart, -PREPARATION_MONTHS);
    const { audits: internal, reviews } = await repo.scheduledBetween(executor, from, audit.plannedStart);
    preparation.push({
      externalAuditId: audit.id,
      label: audit.label,
      plannedStart: audit.plannedStart,
      internalAudits: internal.map((a) => ({
        id: a.id,
        title: `${a.reference} ${a.title}`,
        date: a.planned_start,
        status: a.status,
      })),
      managementReviews: reviews.map((r) => ({
        id: r.id,
        title: r.title,
        date: r.held_on ?? r.scheduled_for,
        status: r.status,
      })),
      internalAuditInPlace: internal.length > 0,
      managementReviewInPlace: reviews.length > 0,
    });
  }
  return {
    certification: presentCertificate(row, today),
    externalAudits: audits,
    nextExternalAudit: upcoming[0] ?? null,
    preparation,
  };
}
