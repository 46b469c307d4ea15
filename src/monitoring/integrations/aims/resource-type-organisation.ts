import { z } from 'zod';
import type { ResourceType } from '../integration.js';

const when = z.string().nullable();

export const organisationResourceType: ResourceType = {
  description:
    'The organisation as one aggregate resource: scope, context, register counts. Org-level tests use it.',
  attributes: z.object({
    scopeVersion: z.number().nullable(),
    scopeStatement: z.string(),
    scopeUpdatedAt: when,
    scopeBoundaries: z.string(),
    contextIssueCount: z.number(),
    externalIssueCount: z.number(),
    internalIssueCount: z.number(),
    interestedPartyCount: z.number(),
    inScopeFrameworks: z.array(z.string()),
    aiSystemCount: z.number(),
    deployedAiSystemCount: z.number(),
    highRiskAiSystemCount: z.number(),
    riskCount: z.number(),
    openRiskCount: z.number(),
    risksAboveAppetite: z.number(),
    activePeopleCount: z.number(),
    adminCount: z.number(),
    activeAdminCount: z.number(),
    /** Active people owning at least one adopted control. */
    controlOwnerCount: z.number(),
    adoptedControlCount: z.number(),
    implementedControlCount: z.number(),
    unownedAdoptedControlCount: z.number(),
    evidenceCount: z.number(),
    expiredEvidenceCount: z.number(),
    lastReadinessSnapshotAt: when,
    riskAppetiteThreshold: z.number(),
    /** When the AI policy in force was approved (null when none is in force). */
    aiPolicyApprovedAt: when,
    aiPolicyAcknowledgedPercent: z.number(),
    policiesInForce: z.number(),
    policiesReviewOverdue: z.number(),
    /** Records (AI systems, risks, controls, policies…) whose owner is no longer active. */
    orphanedRecords: z.number(),
    /** Concerns not closed and past their due day. */
    concernsOverdue: z.number(),
    /** An AIMS owner role exists and an active person is accountable for it. */
    aimsOwnerAssigned: z.boolean(),
    /** AI incidents not yet resolved or closed. */
    openIncidentCount: z.number(),
    /** Open incidents past their severity's resolution target. */
    overdueIncidentCount: z.number(),
    /** Art. 73 reports overdue or made late, for incidents detected in the last year. */
    lateIncidentReportCount: z.number(),
    /** When the latest internal audit was completed. */
    lastInternalAuditAt: when,
    /** In-scope requirements the current audit programme neither plans nor audited (null: no programme). */
    auditProgrammeGapCount: z.number().nullable(),
    /** The day the latest completed management review was held. */
    lastManagementReviewAt: when,
    /** The reviewers recorded a conclusion on every 9.3.2 input in that review. */
    lastManagementReviewInputsCovered: z.boolean(),
    overdueReviewActionCount: z.number(),
    overdueCorrectiveActionCount: z.number(),
    openMajorNonconformityCount: z.number(),
  }),
  example: {
    scopeVersion: 2,
    scopeStatement: 'The AIMS covers the design, development and operation of AI systems in Lending.',
    scopeUpdatedAt: '2026-06-01T09:00:00.000Z',
    scopeBoundaries: 'All EU sites; excludes the research lab.',
    contextIssueCount: 6,
    externalIssueCount: 3,
    internalIssueCount: 3,
    interestedPartyCount: 5,
    inScopeFrameworks: ['iso-42001-2023'],
    aiSystemCount: 6,
    deployedAiSystemCount: 3,
    highRiskAiSystemCount: 2,
    riskCount: 12,
    openRiskCount: 9,
    risksAboveAppetite: 1,
    activePeopleCount: 14,
    adminCount: 2,
    activeAdminCount: 2,
    controlOwnerCount: 6,
    adoptedControlCount: 60,
    implementedControlCount: 40,
    unownedAdoptedControlCount: 0,
    evidenceCount: 44,
    expiredEvidenceCount: 1,
    lastReadinessSnapshotAt: '2026-12-03T00:00:00.000Z',
    riskAppetiteThreshold: 9,
    aiPolicyApprovedAt: '2026-03-01T09:00:00.000Z',
    aiPolicyAcknowledgedPercent: 96,
    policiesInForce: 9,
    policiesReviewOverdue: 0,
    orphanedRecords: 0,
    concernsOverdue: 0,
    aimsOwnerAssigned: true,
    openIncidentCount: 2,
    overdueIncidentCount: 0,
    lateIncidentReportCount: 0,
    lastInternalAuditAt: '2026-08-14T16:00:00.000Z',
    auditProgrammeGapCount: 0,
    lastManagementReviewAt: '2026-07-02T09:00:00.000Z',
    lastManagementReviewInputsCovered: true,
    overdueReviewActionCount: 0,
    overdueCorrectiveActionCount: 0,
    openMajorNonconformityCount: 0,
  },
};
