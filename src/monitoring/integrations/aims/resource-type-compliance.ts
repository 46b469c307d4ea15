import { z } from 'zod';
import { CONTROL_STATUSES } from '../../../modules/controls/schema.js';
import { EVIDENCE_KINDS } from '../../../modules/evidence/schema.js';
import type { ResourceType } from '../integration.js';
import { exampleOwner, ids, owner, when } from './resource-fields.js';

/** Compliance records as resources: controls, evidence, the SoA and framework readiness. */
export const controlResourceType: ResourceType = {
  description: 'A common control with its owner, status, evidence freshness and framework reach.',
  attributes: z.object({
    /** `library` (from content) or `custom` (the organisation's own). */
    source: z.enum(['library', 'custom']),
    domain: z.string(),
    adopted: z.boolean(),
    status: z.enum(CONTROL_STATUSES),
    ...owner,
    frequency: z.string(),
    evidenceRequired: z.boolean(),
    evidenceCount: z.number(),
    /** Linked evidence whose validity has not expired. */
    freshEvidenceCount: z.number(),
    latestEvidenceAt: when,
    lastReviewedAt: when,
    nextReviewDue: when,
    /** Requirement refs this control maps to, e.g. "iso-42001-2023:A.6.2.8". */
    requirements: z.array(z.string()),
    frameworks: z.array(z.string()),
    /** In-scope ISO 42001 Annex A refs it maps to. */
    annexA: z.array(z.string()),
    implementationNotes: z.string(),
    updatedAt: z.string(),
  }),
  example: {
    source: 'library',
    domain: 'lifecycle',
    adopted: true,
    status: 'implemented',
    ...exampleOwner,
    frequency: 'quarterly',
    evidenceRequired: true,
    evidenceCount: 2,
    freshEvidenceCount: 1,
    latestEvidenceAt: '2026-10-01T09:00:00.000Z',
    lastReviewedAt: '2026-10-01T09:00:00.000Z',
    nextReviewDue: '2027-01-01',
    requirements: ['iso-42001-2023:A.6.2.8'],
    frameworks: ['iso-42001-2023'],
    annexA: ['A.6.2.8'],
    implementationNotes: 'Inference requests are logged to the SIEM for 400 days.',
    updatedAt: '2026-10-01T09:00:00.000Z',
  },
};

export const evidenceResourceType: ResourceType = {
  description: 'An evidence item (latest version) and the controls it supports.',
  attributes: z.object({
    description: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    ...owner,
    latestVersion: z.number(),
    collectedAt: when,
    validUntil: when,
    expired: z.boolean(),
    controlIds: ids,
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  example: {
    description: 'Export of the model inventory from the registry.',
    kind: 'file',
    ...exampleOwner,
    latestVersion: 2,
    collectedAt: '2026-10-01T09:00:00.000Z',
    validUntil: '2027-04-01',
    expired: false,
    controlIds: ['ctl-1'],
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-10-01T09:00:00.000Z',
  },
};

export const soaResourceType: ResourceType = {
  description: 'The Statement of Applicability of one framework: draft coverage and the latest approval.',
  attributes: z.object({
    frameworkId: z.string(),
    inScope: z.boolean(),
    /** Controls (assessable Annex A requirements) in the framework. */
    controlCount: z.number(),
    /** Draft rows marked not applicable. */
    excludedCount: z.number(),
    /** Exclusions without a justification. */
    unjustifiedExclusions: z.number(),
    approvedVersion: z.number().nullable(),
    approvedAt: when,
    approvedBy: z.string().nullable(),
    /** Rows in the latest approved version (0 when none). */
    approvedRowCount: z.number(),
    /** Draft differs from the latest approved version. */
    draftChangedSinceApproval: z.boolean(),
  }),
  example: {
    frameworkId: 'iso-42001-2023',
    inScope: true,
    controlCount: 38,
    excludedCount: 1,
    unjustifiedExclusions: 0,
    approvedVersion: 1,
    approvedAt: '2026-09-01T09:00:00.000Z',
    approvedBy: 'Priya Raman',
    approvedRowCount: 38,
    draftChangedSinceApproval: false,
  },
};

export const frameworkResourceType: ResourceType = {
  description: 'A framework in the catalogue with its live readiness.',
  attributes: z.object({
    shortName: z.string(),
    inScope: z.boolean(),
    readinessPercent: z.number(),
    requirementCount: z.number(),
    metCount: z.number(),
    notMetCount: z.number(),
    partialCount: z.number(),
  }),
  example: {
    shortName: 'ISO 42001',
    inScope: true,
    readinessPercent: 72.5,
    requirementCount: 66,
    metCount: 44,
    notMetCount: 10,
    partialCount: 8,
  },
};
