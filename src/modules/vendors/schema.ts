import { z } from 'zod';
import { addDays, todayIso } from '../../lib/time.js';
import {
  idRef,
  isoDate,
  longText,
  ownerSummary,
  requiredName,
  textList,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const CRITICALITY = ['low', 'medium', 'high', 'critical'] as const;
export const CONTRACT_STATUS = ['none', 'in_negotiation', 'active', 'expired', 'terminated'] as const;
export const DPA_STATUS = ['not_required', 'pending', 'signed', 'expired'] as const;
export const REVIEW_STATUS = ['never_reviewed', 'overdue', 'due_soon', 'current'] as const;
/** A review falling due within this many days is "due soon". */
export const DUE_SOON_DAYS = 30;

const fields = {
  name: requiredName(),
  website: z.url('must be a URL').max(500).nullable(),
  services: longText(5000),
  modelsProvided: textList(),
  criticality: z.enum(CRITICALITY),
  contractStatus: z.enum(CONTRACT_STATUS),
  dpaStatus: z.enum(DPA_STATUS),
  slaSummary: longText(5000),
  intendedUseApproved: z.boolean(),
  reviewCadenceMonths: z.number().int().min(1).max(60),
  lastReviewAt: isoDate().nullable(),
  ownerId: idRef().nullable(),
};

export const vendorCreateSchema = z.object(fields).partial().required({ name: true }).strict();
export const vendorUpdateSchema = z.object(fields).partial().strict();

export const vendorSchema = z
  .object({
    ...timestampsShape,
    name: z.string(),
    website: z.string().nullable(),
    services: z.string(),
    modelsProvided: z.array(z.string()),
    criticality: z.enum(CRITICALITY),
    contractStatus: z.enum(CONTRACT_STATUS),
    dpaStatus: z.enum(DPA_STATUS),
    slaSummary: z.string(),
    intendedUseApproved: z.boolean(),
    reviewCadenceMonths: z.number().int(),
    lastReviewAt: z.string().nullable(),
    nextReviewDue: z.string().nullable().describe('Derived: last review plus the review cadence.'),
    reviewStatus: z.enum(REVIEW_STATUS),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    aiSystemIds: z.array(z.string()),
  })
  .meta({ id: 'Vendor' });

export const vendorListSpec: ListSpec = {
  sortable: {
    name: 'vendors.name',
    criticality: 'vendors.criticality',
    nextReviewDue: 'vendors.next_review_due',
    lastReviewAt: 'vendors.last_review_at',
    createdAt: 'vendors.created_at',
    updatedAt: 'vendors.updated_at',
  },
  defaultSort: 'name',
  caseInsensitive: ['name'],
  nullable: ['nextReviewDue', 'lastReviewAt'],
  idColumn: 'vendors.id',
  searchable: ['vendors.name', 'vendors.services', 'vendors.models_provided'],
  filters: {
    criticality: { schema: z.enum(CRITICALITY), column: 'vendors.criticality' },
    contractStatus: { schema: z.enum(CONTRACT_STATUS), column: 'vendors.contract_status' },
    dpaStatus: { schema: z.enum(DPA_STATUS), column: 'vendors.dpa_status' },
    ownerId: { schema: z.string().max(100), column: 'vendors.owner_id' },
    reviewDueBefore: {
      schema: isoDate(),
      apply: (q, date: string) => q.where('vendors.next_review_due', '<=', date),
    },
    // The same derivation as the presenter's reviewStatus, as of today.
    reviewStatus: {
      schema: z.enum(REVIEW_STATUS),
      apply: (q, status: (typeof REVIEW_STATUS)[number]) => {
        const today = todayIso();
        const soon = addDays(today, DUE_SOON_DAYS);
        if (status === 'never_reviewed') return q.where('vendors.next_review_due', 'is', null);
        if (status === 'overdue') return q.where('vendors.next_review_due', '<', today);
        if (status === 'due_soon')
          return q.where('vendors.next_review_due', '>=', today).where('vendors.next_review_due', '<=', soon);
        return q.where('vendors.next_review_due', '>', soon);
      },
    },
  },
};

export const vendorListQuery = listQuerySchema(vendorListSpec);

export type VendorCreate = z.infer<typeof vendorCreateSchema>;
export type VendorUpdate = z.infer<typeof vendorUpdateSchema>;
export type Vendor = z.infer<typeof vendorSchema>;
export type VendorListQuery = z.infer<typeof vendorListQuery>;
