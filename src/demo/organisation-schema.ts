import { z } from 'zod';
import {
  DECISION_AUTONOMY,
  LIFECYCLE_STAGES,
  ORGANISATION_ROLES,
  RISK_TIERS,
} from '../modules/ai-systems/schema.js';
import { ROLES } from '../modules/auth/permissions.js';
import { RISK_STATUSES, TREATMENTS } from '../modules/risks/schema.js';
import { ISSUE_CATEGORIES, ISSUE_EFFECTS, ISSUE_KINDS, PARTY_CATEGORIES } from '../modules/scope/schema.js';
import { CONTRACT_STATUS, CRITICALITY, DPA_STATUS } from '../modules/vendors/schema.js';

/** A date in the demo file: absolute (2026-03-01) or relative to the seed day (+45d, -120d). */
const date = z.string().regex(/^([+-]\d+d|\d{4}-\d{2}-\d{2})$/, 'must be YYYY-MM-DD or an offset like +30d');
const key = z.string().regex(/^[a-z0-9-]+$/);
const text = z.string().max(5000);
const score = z.number().int().min(1).max(5);

export const demoSchema = z
  .object({
    version: z.number().int(),
    organisation: z.object({ name: z.string() }).strict(),
    people: z.array(
      z
        .object({
          key,
          name: z.string(),
          email: z.email(),
          jobTitle: z.string(),
          department: z.string(),
          managerKey: key.nullable().optional(),
          active: z.boolean().optional(),
        })
        .strict(),
    ),
    users: z.array(z.object({ personKey: key, role: z.enum(ROLES) }).strict()),
    vendors: z.array(
      z
        .object({
          key,
          name: z.string(),
          website: z.url(),
          services: text,
          modelsProvided: z.array(z.string()),
          criticality: z.enum(CRITICALITY),
          contractStatus: z.enum(CONTRACT_STATUS),
          dpaStatus: z.enum(DPA_STATUS),
          slaSummary: text,
          intendedUseApproved: z.boolean(),
          reviewCadenceMonths: z.number().int(),
          lastReviewAt: date,
          ownerKey: key,
        })
        .strict(),
    ),
    datasets: z.array(
      z
        .object({
          key,
          name: z.string(),
          description: text,
          source: z.string(),
          provenance: text,
          licence: z.string(),
          personalDataCategories: z.array(z.string()),
          ownerKey: key,
          qualityNotes: text,
          recordCount: z.number().int().optional(),
          sizeBytes: z.number().int().optional(),
        })
        .strict(),
    ),
    aiSystems: z.array(
      z
        .object({
          key,
          name: z.string(),
          description: text,
          intendedPurpose: text,
          lifecycleStage: z.enum(LIFECYCLE_STAGES),
          organisationRole: z.enum(ORGANISATION_ROLES),
          riskTier: z.enum(RISK_TIERS),
          affectedPersons: z.array(z.string()),
          decisionAutonomy: z.enum(DECISION_AUTONOMY),
          humanOversight: text,
          deploymentEnvironment: z.string(),
          businessUnit: z.string(),
          ownerKey: key,
          models: z.array(
            z
              .object({
                name: z.string(),
                version: z.string().nullable().optional(),
                providerVendorKey: key.nullable().optional(),
                baseModel: z.string().nullable().optional(),
              })
              .strict(),
          ),
          datasetKeys: z.array(key),
          vendorKeys: z.array(key),
          deployedAt: date.optional(),
          lastReviewedAt: date.optional(),
          nextReviewDue: date.optional(),
        })
        .strict(),
    ),
    risks: z.array(
      z
        .object({
          key,
          title: z.string(),
          description: text.optional(),
          scenarioId: z.string(),
          aiSystemKeys: z.array(key).min(1),
          likelihood: score,
          impact: score,
          residualLikelihood: score.optional(),
          residualImpact: score.optional(),
          treatment: z.enum(TREATMENTS).nullable().optional(),
          treatmentPlan: text.optional(),
          ownerKey: key,
          dueDate: date.optional(),
          status: z.enum(RISK_STATUSES),
          acceptance: z.object({ approverKey: key, acceptedAt: date, expiresAt: date }).strict().optional(),
        })
        .strict(),
    ),
    scope: z.object({ statement: text, boundaries: text, exclusions: text }).strict(),
    contextIssues: z.array(
      z
        .object({
          kind: z.enum(ISSUE_KINDS),
          title: z.string(),
          description: text,
          category: z.enum(ISSUE_CATEGORIES),
          effect: z.enum(ISSUE_EFFECTS),
          ownerKey: key,
        })
        .strict(),
    ),
    interestedParties: z.array(
      z
        .object({
          name: z.string(),
          category: z.enum(PARTY_CATEGORIES),
          needs: text,
          expectations: text,
          ownerKey: key,
        })
        .strict(),
    ),
  })
  .strict();

export type DemoOrganisation = z.infer<typeof demoSchema>;
