import type { Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';
import { RESOLUTION_TARGET_DAYS } from '../../../modules/incidents/deadlines.js';
import { notificationsOf } from '../../../modules/incidents/notification-repository.js';
import { presentNotification } from '../../../modules/incidents/presenter.js';
import { systemsOf } from '../../../modules/incidents/repository.js';
import type { Severity } from '../../../modules/incidents/schema.js';
import type { CollectedResource } from '../integration.js';

const DAY_MS = 86_400_000;
const CLOSED = ['resolved', 'closed'];

/** Every incident with its age and the state of the notifications it owes, as of `now`. */
export async function collectIncidents(db: Executor, now: Date): Promise<CollectedResource[]> {
  const rows = await db
    .selectFrom('incidents')
    .leftJoin('people as owner', 'owner.id', 'incidents.owner_id')
    .selectAll('incidents')
    .select(['owner.name as owner_name', 'owner.active as owner_active'])
    .orderBy('incidents.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const [systems, notifications] = await Promise.all([systemsOf(db, ids), notificationsOf(db, ids)]);
  return rows.map((row) => {
    const owed = (notifications.get(row.id) ?? []).map((n) => presentNotification(n, now.getTime()));
    const authority = owed.find((n) => n.rule === 'eu_ai_act_art73');
    const open = !CLOSED.includes(row.status);
    const end = row.resolved_at ? Date.parse(row.resolved_at) : now.getTime();
    const daysOpen = Math.max(0, Math.floor((end - Date.parse(row.detected_at)) / DAY_MS));
    const target = RESOLUTION_TARGET_DAYS[row.severity as Severity] ?? RESOLUTION_TARGET_DAYS.low;
    const linked = systems.get(row.id) ?? [];
    return {
      type: 'incident',
      externalId: row.id,
      name: `${row.reference} ${row.title}`,
      attributes: {
        reference: row.reference,
        severity: row.severity,
        harmType: row.harm_type,
        serious: readBool(row.serious),
        seriousCategory: row.serious_category,
        status: row.status,
        open,
        detectedAt: row.detected_at,
        resolvedAt: row.resolved_at,
        closedAt: row.closed_at,
        daysOpen,
        resolutionTargetDays: target,
        pastResolutionTarget: open && daysOpen > target,
        highRiskSystem: linked.some((s) => s.riskTier === 'high'),
        hasAuthorityNotification: authority !== undefined,
        authorityNotifiedAt: authority?.notifiedAt ?? null,
        authorityReportLate: authority !== undefined && (authority.overdue || authority.late),
        notificationsPending: owed.filter((n) => n.notifiedAt === null).length,
        notificationsOverdue: owed.filter((n) => n.overdue).length,
        notificationsLate: owed.filter((n) => n.late).length,
        hasRootCause: row.root_cause.trim() !== '',
        hasLessonsLearned: row.lessons_learned.trim() !== '',
        aiSystemIds: linked.map((s) => s.id),
        ownerId: row.owner_id,
        ownerName: row.owner_name,
        ownerActive: row.owner_active === null ? false : readBool(row.owner_active),
      },
    };
  });
}

/**
 * What the organisation-level tests read about incidents. A late Art. 73 report counts for a year after
 * the incident was detected: long enough to be seen and explained, not a permanent failure.
 */
export function incidentFacts(collected: CollectedResource[], now: Date) {
  const incidents = collected.filter((r) => r.type === 'incident');
  const recent = (at: unknown) => now.getTime() - Date.parse(String(at)) <= 365 * DAY_MS;
  return {
    openIncidentCount: incidents.filter((i) => i.attributes.open).length,
    overdueIncidentCount: incidents.filter((i) => i.attributes.pastResolutionTarget).length,
    lateIncidentReportCount: incidents.filter(
      (i) => i.attributes.authorityReportLate && recent(i.attributes.detectedAt),
    ).length,
  };
}
