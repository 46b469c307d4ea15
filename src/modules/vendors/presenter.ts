import { readBool } from '../../db/dialect.js';
import { addDays, todayIso } from '../../lib/time.js';
import { ownerOf } from '../shared/owned.js';
import type { VendorRow } from './repository.js';
import { DUE_SOON_DAYS, type Vendor } from './schema.js';

function reviewStatus(nextReviewDue: string | null): Vendor['reviewStatus'] {
  if (!nextReviewDue) return 'never_reviewed';
  const today = todayIso();
  if (nextReviewDue < today) return 'overdue';
  return nextReviewDue <= addDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'current';
}

export function presentVendor(row: VendorRow, usedBy: Map<string, string[]>): Vendor {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    services: row.services,
    modelsProvided: JSON.parse(row.models_provided) as string[],
    criticality: row.criticality as Vendor['criticality'],
    contractStatus: row.contract_status as Vendor['contractStatus'],
    dpaStatus: row.dpa_status as Vendor['dpaStatus'],
    slaSummary: row.sla_summary,
    intendedUseApproved: readBool(row.intended_use_approved),
    reviewCadenceMonths: row.review_cadence_months,
    lastReviewAt: row.last_review_at,
    nextReviewDue: row.next_review_due,
    reviewStatus: reviewStatus(row.next_review_due),
    ownerId: row.owner_id,
    owner: ownerOf(row),
    aiSystemIds: usedBy.get(row.id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
