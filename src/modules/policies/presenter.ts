import { addDays, todayIso } from '../../lib/time.js';
import { ownerOf } from '../shared/owned.js';
import type { PolicyRow } from './repository.js';
import { type Policy, type PolicyStatus, REVIEW_DUE_SOON_DAYS } from './schema.js';

function reviewStatus(nextReviewDue: string | null): Policy['reviewStatus'] {
  if (!nextReviewDue) return 'not_published';
  const today = todayIso();
  if (nextReviewDue < today) return 'overdue';
  return nextReviewDue <= addDays(today, REVIEW_DUE_SOON_DAYS) ? 'due_soon' : 'current';
}

export interface PolicyExtras {
  counts?: { assigned: number; acknowledged: number };
  mine?: { version: number; due_on: string; acknowledged_at: string | null };
  /** For members: the text in force instead of the working draft. */
  publishedBody?: string;
}

export function presentPolicy(row: PolicyRow, extras: PolicyExtras = {}): Policy {
  const version = row.published_version === null ? null : Number(row.published_version);
  const counts = extras.counts ?? { assigned: 0, acknowledged: 0 };
  return {
    id: row.id,
    title: row.title,
    category: row.category as Policy['category'],
    templateId: row.template_id,
    status: row.status as PolicyStatus,
    body: extras.publishedBody ?? row.body,
    changelog: extras.publishedBody === undefined ? row.changelog : '',
    ownerId: row.owner_id,
    owner: ownerOf(row),
    reviewCadenceMonths: Number(row.review_cadence_months),
    audience: {
      roles: JSON.parse(row.audience_roles) as string[],
      departments: JSON.parse(row.audience_departments) as string[],
    },
    isoRefs: JSON.parse(row.iso_refs) as string[],
    submittedBy: row.submitted_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    publishedVersion: version,
    publishedAt: row.published_at,
    lastReviewedAt: row.last_reviewed_at,
    nextReviewDue: row.next_review_due,
    reviewStatus: reviewStatus(row.next_review_due),
    acknowledgements:
      version === null
        ? null
        : {
            version,
            ...counts,
            percent:
              counts.assigned === 0 ? 100 : Math.round((1000 * counts.acknowledged) / counts.assigned) / 10,
          },
    myAcknowledgement: extras.mine
      ? {
          version: extras.mine.version,
          dueOn: extras.mine.due_on,
          acknowledgedAt: extras.mine.acknowledged_at,
        }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
