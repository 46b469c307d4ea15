import { z } from 'zod';
import {
  DECISION_AUTONOMY,
  LIFECYCLE_STAGES,
  ORGANISATION_ROLES,
  RISK_TIERS,
} from '../../../modules/ai-systems/schema.js';
import { RISK_STATUSES, TREATMENTS } from '../../../modules/risks/schema.js';
import { ISSUE_EFFECTS, ISSUE_KINDS, PARTY_CATEGORIES } from '../../../modules/scope/schema.js';
import { CONTRACT_STATUS, CRITICALITY, DPA_STATUS, REVIEW_STATUS } from '../../../modules/vendors/schema.js';
import type { ResourceType } from '../integration.js';
import { exampleOwner, ids, owner, when } from './resource-fields.js';
import { nonconformityResourceType, objectiveResourceType } from './resource-type-check-act.js';
import {
  controlResourceType,
  evidenceResourceType,
  frameworkResourceType,
  soaResourceType,
} from './resource-type-compliance.js';
import { courseResourceType } from './resource-type-course.js';
import { incidentResourceType } from './resource-type-incident.js';
import { organisationResourceType } from './resource-type-organisation.js';
import { policyResourceType } from './resource-type-policy.js';

const model = z.object({
  name: z.string(),
  version: z.string().nullable(),
  providerVendorId: z.string().nullable(),
  baseModel: z.string().nullable(),
});

const aiSystem: ResourceType = {
  description: 'An AI system from the register, with its links and derived facts.',
  attributes: z.object({
    description: z.string(),
    intendedPurpose: z.string(),
    stage: z.enum(LIFECYCLE_STAGES),
    organisationRole: z.enum(ORGANISATION_ROLES),
    riskTier: z.enum(RISK_TIERS),
    affectedPersons: z.array(z.string()),
    decisionAutonomy: z.enum(DECISION_AUTONOMY).nullable(),
    humanOversight: z.string(),
    deploymentEnvironment: z.string(),
    businessUnit: z.string(),
    ...owner,
    models: z.array(model),
    /** Models supplied by a vendor (providerVendorId set). */
    thirdPartyModelCount: z.number(),
    datasetIds: ids,
    vendorIds: ids,
    riskIds: ids,
    /** Linked risks not closed. */
    openRiskCount: z.number(),
    /** Linked open risks whose effective score is above the appetite threshold. */
    risksAboveAppetite: z.number(),
    controlIds: ids,
    deployedAt: when,
    lastReviewedAt: when,
    nextReviewDue: when,
    /** When the impact assessment in force was approved (null: never). */
    impactAssessmentApprovedAt: when,
    impactAssessmentLevel: z.enum(['low', 'medium', 'high', 'very_high']).nullable(),
    /** missing, current, due (a material change or the cadence asks for a new one) or overdue. */
    impactAssessmentStatus: z.enum(['missing', 'current', 'due', 'overdue', 'retired']),
    /** Change requests waiting for sign-off. */
    pendingChangeCount: z.number(),
    implementedChangeCount: z.number(),
    /** Implemented change requests without every required sign-off approved. */
    unapprovedChangeCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  example: {
    description: 'Ranks incoming loan applications for manual review.',
    intendedPurpose: 'Prioritise applications; a credit officer makes every decision.',
    stage: 'deployed',
    organisationRole: 'provider',
    riskTier: 'high',
    affectedPersons: ['loan applicants'],
    decisionAutonomy: 'human_in_the_loop',
    humanOversight: 'A credit officer reviews every ranked application before a decision.',
    deploymentEnvironment: 'EU production cluster',
    businessUnit: 'Lending',
    ...exampleOwner,
    models: [{ name: 'gbm-ranker', version: '3.2', providerVendorId: null, baseModel: null }],
    thirdPartyModelCount: 0,
    datasetIds: ['d-1'],
    vendorIds: ['v-1'],
    riskIds: ['r-1'],
    openRiskCount: 1,
    risksAboveAppetite: 0,
    controlIds: ['ctl-1'],
    deployedAt: '2026-03-01T09:00:00.000Z',
    lastReviewedAt: '2026-10-01T09:00:00.000Z',
    nextReviewDue: '2027-04-01',
    impactAssessmentApprovedAt: '2026-02-20T09:00:00.000Z',
    impactAssessmentLevel: 'high',
    impactAssessmentStatus: 'current',
    pendingChangeCount: 1,
    implementedChangeCount: 3,
    unapprovedChangeCount: 0,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-10-01T09:00:00.000Z',
  },
};

const dataset: ResourceType = {
  description: 'A dataset from the register, with the AI systems that use it.',
  attributes: z.object({
    description: z.string(),
    source: z.string(),
    provenance: z.string(),
    licence: z.string(),
    personalDataCategories: z.array(z.string()),
    containsPersonalData: z.boolean(),
    qualityNotes: z.string(),
    recordCount: z.number().nullable(),
    sizeBytes: z.number().nullable(),
    ...owner,
    aiSystemIds: ids,
    /** How many of the systems using it are deployed. */
    deployedSystemCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  example: {
    description: 'Five years of anonymised loan outcomes.',
    source: 'Core banking warehouse',
    provenance: 'Extracted monthly by the data platform team; lineage in the catalogue.',
    licence: 'Internal',
    personalDataCategories: ['financial'],
    containsPersonalData: true,
    qualityNotes: 'Checked for label leakage and class balance.',
    recordCount: 1_200_000,
    sizeBytes: 3_500_000_000,
    ...exampleOwner,
    aiSystemIds: ['s-1'],
    deployedSystemCount: 1,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-06-01T09:00:00.000Z',
  },
};

const vendor: ResourceType = {
  description: 'A vendor (third party supplying AI models or services), with review dates.',
  attributes: z.object({
    website: z.string().nullable(),
    services: z.string(),
    modelsProvided: z.array(z.string()),
    /** True when the vendor supplies models or is linked to an AI system. */
    suppliesAi: z.boolean(),
    criticality: z.enum(CRITICALITY),
    contractStatus: z.enum(CONTRACT_STATUS),
    dpaStatus: z.enum(DPA_STATUS),
    slaSummary: z.string(),
    intendedUseApproved: z.boolean(),
    reviewCadenceMonths: z.number(),
    lastReviewAt: when,
    nextReviewDue: when,
    reviewStatus: z.enum(REVIEW_STATUS),
    ...owner,
    aiSystemIds: ids,
    /** Linked AI systems that use datasets containing personal data. */
    personalDataFlows: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  example: {
    website: 'https://vendor.example',
    services: 'Hosted large language model API',
    modelsProvided: ['example-llm-4'],
    suppliesAi: true,
    criticality: 'high',
    contractStatus: 'active',
    dpaStatus: 'signed',
    slaSummary: '99.9% availability, 24h incident notice',
    intendedUseApproved: true,
    reviewCadenceMonths: 12,
    lastReviewAt: '2026-05-01',
    nextReviewDue: '2027-05-01',
    reviewStatus: 'current',
    ...exampleOwner,
    aiSystemIds: ['s-1'],
    personalDataFlows: true,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-05-01T09:00:00.000Z',
  },
};

const risk: ResourceType = {
  description: 'A risk from the register, scored on the organisation matrix.',
  attributes: z.object({
    description: z.string(),
    scenarioId: z.string().nullable(),
    likelihood: z.number(),
    impact: z.number(),
    inherentScore: z.number(),
    residualScore: z.number().nullable(),
    /** Residual score when assessed, otherwise inherent. */
    effectiveScore: z.number(),
    appetiteThreshold: z.number(),
    withinAppetite: z.boolean(),
    treatment: z.enum(TREATMENTS).nullable(),
    treatmentPlan: z.string(),
    status: z.enum(RISK_STATUSES),
    ...owner,
    dueDate: when,
    acceptedById: z.string().nullable(),
    acceptedAt: when,
    acceptanceExpiresAt: when,
    aiSystemIds: ids,
    controlIds: ids,
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  example: {
    description: 'The ranking model under-scores applicants from one region.',
    scenarioId: 'bias-proxy-discrimination',
    likelihood: 3,
    impact: 4,
    inherentScore: 12,
    residualScore: 6,
    effectiveScore: 6,
    appetiteThreshold: 9,
    withinAppetite: true,
    treatment: 'mitigate',
    treatmentPlan: 'Add a fairness gate to the release pipeline.',
    status: 'in_treatment',
    ...exampleOwner,
    dueDate: '2027-02-01',
    acceptedById: null,
    acceptedAt: null,
    acceptanceExpiresAt: null,
    aiSystemIds: ['s-1'],
    controlIds: ['ctl-1'],
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-09-01T09:00:00.000Z',
  },
};

const person: ResourceType = {
  description: 'A person from the people register, with their account and what they own.',
  attributes: z.object({
    email: z.string(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
    managerId: z.string().nullable(),
    active: z.boolean(),
    hasAccount: z.boolean(),
    accountActive: z.boolean(),
    role: z.string().nullable(),
    lastLoginAt: when,
    /** Records of any register this person owns. */
    ownedRecordCount: z.number(),
    ownedControlCount: z.number(),
    ownedAiSystemCount: z.number(),
    /** Latest completion of any training course. */
    aiTrainingCompletedAt: when,
    /** Open training assignments past their due date. */
    trainingOverdue: z.number(),
    /** Open training assignments. */
    trainingAssigned: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  example: {
    email: 'priya.raman@example.com',
    jobTitle: 'Head of AI Governance',
    department: 'Risk',
    managerId: null,
    active: true,
    hasAccount: true,
    accountActive: true,
    role: 'manager',
    lastLoginAt: '2026-11-30T08:00:00.000Z',
    ownedRecordCount: 12,
    ownedControlCount: 8,
    ownedAiSystemCount: 2,
    aiTrainingCompletedAt: '2026-09-15T10:00:00.000Z',
    trainingOverdue: 0,
    trainingAssigned: 1,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
  },
};

const apiToken: ResourceType = {
  description: 'An API token (never its secret): owner, expiry and use.',
  attributes: z.object({
    userRole: z.string(),
    userActive: z.boolean(),
    personActive: z.boolean(),
    expiresAt: when,
    revoked: z.boolean(),
    lastUsedAt: when,
    createdAt: z.string(),
  }),
  example: {
    userRole: 'contributor',
    userActive: true,
    personActive: true,
    expiresAt: '2027-06-01T00:00:00.000Z',
    revoked: false,
    lastUsedAt: '2026-11-20T00:00:00.000Z',
    createdAt: '2026-06-01T00:00:00.000Z',
  },
};

const contextIssue: ResourceType = {
  description: 'An internal or external issue from the organisation context (clause 4.1).',
  attributes: z.object({
    kind: z.enum(ISSUE_KINDS),
    category: z.string(),
    effect: z.enum(ISSUE_EFFECTS),
    description: z.string(),
    ...owner,
    updatedAt: z.string(),
  }),
  example: {
    kind: 'external',
    category: 'regulatory',
    effect: 'risk',
    description: 'EU AI Act obligations for high-risk credit scoring apply from August 2026.',
    ...exampleOwner,
    updatedAt: '2026-06-01T09:00:00.000Z',
  },
};

const interestedParty: ResourceType = {
  description: 'An interested party and its needs (clause 4.2).',
  attributes: z.object({
    category: z.enum(PARTY_CATEGORIES),
    needs: z.string(),
    expectations: z.string(),
    ...owner,
    updatedAt: z.string(),
  }),
  example: {
    category: 'regulator',
    needs: 'Evidence of conformity for high-risk AI systems.',
    expectations: 'Registration and technical documentation on request.',
    ...exampleOwner,
    updatedAt: '2026-06-01T09:00:00.000Z',
  },
};

export const aimsResourceTypes: Record<string, ResourceType> = {
  'ai-system': aiSystem,
  dataset,
  vendor,
  risk,
  person,
  course: courseResourceType,
  policy: policyResourceType,
  incident: incidentResourceType,
  objective: objectiveResourceType,
  nonconformity: nonconformityResourceType,
  'api-token': apiToken,
  control: controlResourceType,
  evidence: evidenceResourceType,
  soa: soaResourceType,
  framework: frameworkResourceType,
  'context-issue': contextIssue,
  'interested-party': interestedParty,
  organisation: organisationResourceType,
};
