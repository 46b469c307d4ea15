import { readBool } from '../../db/dialect.js';
import type { NotificationRow, TimelineRow } from './notification-repository.js';
import type { IncidentNotification, NotificationRule, TimelineEntry } from './notification-schema.js';
import type { IncidentRow, LinkedSystem } from './repository.js';
import type { Incident } from './schema.js';

const HOUR_MS = 3_600_000;

export function presentNotification(row: NotificationRow, now: number): IncidentNotification {
  const due = Date.parse(row.due_at);
  const sent = row.notified_at !== null;
  return {
    id: row.id,
    rule: row.rule as NotificationRule | null,
    party: row.party,
    interestedPartyId: row.interested_party_id,
    basis: row.basis,
    dueAt: row.due_at,
    notifiedAt: row.notified_at,
    reference: row.reference,
    notes: row.notes,
    overdue: !sent && due < now,
    late: sent && Date.parse(row.notified_at as string) > due,
    hoursLeft: sent ? null : Math.round((due - now) / (HOUR_MS / 10)) / 10,
  };
}

export function notificationStatus(notifications: IncidentNotification[]): Incident['notificationStatus'] {
  if (notifications.length === 0) return 'none';
  if (notifications.some((n) => n.overdue)) return 'overdue';
  return notifications.some((n) => n.notifiedAt === null) ? 'pending' : 'done';
}

const presentEntry = (row: TimelineRow): TimelineEntry => ({
  id: row.id,
  at: row.at,
  kind: row.kind as TimelineEntry['kind'],
  text: row.text,
  authorLabel: row.author_label,
});

export interface IncidentExtras {
  systems?: LinkedSystem[];
  notifications?: NotificationRow[];
  timeline?: TimelineRow[];
}

export function presentIncident(row: IncidentRow, extras: IncidentExtras, now = Date.now()): Incident {
  const systems = extras.systems ?? [];
  const notifications = (extras.notifications ?? []).map((n) => presentNotification(n, now));
  const serious = readBool(row.serious);
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    severity: row.severity as Incident['severity'],
    harmType: row.harm_type as Incident['harmType'],
    serious,
    seriousCategory: row.serious_category as Incident['seriousCategory'],
    occurredAt: row.occurred_at,
    detectedAt: row.detected_at,
    status: row.status as Incident['status'],
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    rootCause: row.root_cause,
    correctiveActionIds: JSON.parse(row.corrective_action_ids) as string[],
    lessonsLearned: row.lessons_learned,
    ownerId: row.owner_id,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    aiSystemIds: systems.map((s) => s.id),
    aiSystems: systems,
    authorityNotificationRequired: serious && systems.some((s) => s.riskTier === 'high'),
    notifications,
    notificationStatus: notificationStatus(notifications),
    timeline: (extras.timeline ?? []).map(presentEntry),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
