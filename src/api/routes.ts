import { z } from 'zod';
import type { AppContext } from '../context.js';
import { currentMigration } from '../db/migrate.js';
import { aiSystemRoutes } from '../modules/ai-systems/routes.js';
import { aimsRoleRoutes } from '../modules/aims-roles/routes.js';
import { auditRoutes } from '../modules/audits/routes.js';
import { authRoutes } from '../modules/auth/routes.js';
import { calendarRoutes } from '../modules/calendar/routes.js';
import { certificationRoutes } from '../modules/certification/routes.js';
import { changeRequestRoutes } from '../modules/change-requests/routes.js';
import { concernRoutes } from '../modules/concerns/routes.js';
import { controlRoutes } from '../modules/controls/routes.js';
import { datasetRoutes } from '../modules/datasets/routes.js';
import { evidenceRoutes } from '../modules/evidence/routes.js';
import { mappingRoutes } from '../modules/frameworks/mappings.js';
import { frameworkRoutes } from '../modules/frameworks/routes.js';
import { impactAssessmentRoutes } from '../modules/impact-assessments/routes.js';
import { inboxRoutes } from '../modules/inbox/routes.js';
import { incidentRoutes } from '../modules/incidents/routes.js';
import { integrationRoutes } from '../modules/integrations/routes.js';
import { issueRoutes } from '../modules/issues/routes.js';
import { managementReviewRoutes } from '../modules/management-reviews/routes.js';
import { monitoringPlanRoutes } from '../modules/monitoring-plan/routes.js';
import { monitoringSettingsRoutes } from '../modules/monitoring-settings/routes.js';
import { nonconformityRoutes } from '../modules/nonconformities/routes.js';
import { objectiveRoutes } from '../modules/objectives/routes.js';
import { organisationRoutes } from '../modules/organisation/routes.js';
import { orphanRoutes } from '../modules/orphans/routes.js';
import { pdcaRoutes } from '../modules/pdca/routes.js';
import { peopleRoutes } from '../modules/people/routes.js';
import { policyRoutes } from '../modules/policies/routes.js';
import { readinessRoutes } from '../modules/readiness/routes.js';
import { resourceRoutes } from '../modules/resources/routes.js';
import { riskScenarioRoutes } from '../modules/risk-scenarios/routes.js';
import { riskRoutes } from '../modules/risks/routes.js';
import { scopeRoutes } from '../modules/scope/routes.js';
import { soaRoutes } from '../modules/soa/routes.js';
import { testRoutes } from '../modules/tests/routes.js';
import { tokenRoutes } from '../modules/tokens/routes.js';
import { trailRoutes } from '../modules/trail/routes.js';
import { trainingRoutes } from '../modules/training/routes.js';
import { userRoutes } from '../modules/users/routes.js';
import { vendorRoutes } from '../modules/vendors/routes.js';
import { webhookRoutes } from '../modules/webhooks/routes.js';
import { VERSION } from '../version.js';
import type { ZodApp } from './types.js';
import { registerWebUi } from './web-ui.js';

const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    database: z.object({ dialect: z.enum(['sqlite', 'postgres']), migration: z.string().nullable() }),
  })
  .meta({ id: 'Health' });

export async function registerRoutes(app: ZodApp, context: AppContext): Promise<void> {
  const { services, config, db } = context;

  app.get('/api/health', {
    config: { permission: 'public' },
    schema: {
      tags: ['System'],
      summary: 'Liveness, version, database dialect and migration',
      security: [],
      response: { 200: healthSchema },
    },
    handler: async () => ({
      status: 'ok' as const,
      version: VERSION,
      database: { dialect: db.dialect.name, migration: await currentMigration(db) },
    }),
  });

  await registerWebUi(app);

  await authRoutes(app, services.auth, config);
  peopleRoutes(app, services.people);
  userRoutes(app, services.users);
  tokenRoutes(app, services.tokens);
  aiSystemRoutes(app, services.aiSystems);
  datasetRoutes(app, services.datasets);
  vendorRoutes(app, services.vendors);
  trainingRoutes(app, services.training);
  riskScenarioRoutes(app, services.riskScenarios);
  riskRoutes(app, services.risks);
  aimsRoleRoutes(app, services.aimsRoles);
  orphanRoutes(app, services.orphans);
  concernRoutes(app, services.concerns);
  scopeRoutes(app, services.scope);
  trailRoutes(app, services.trail);
  frameworkRoutes(app, services.frameworks);
  controlRoutes(app, services.controls);
  mappingRoutes(app, services.mappings);
  readinessRoutes(app, services.readiness);
  await evidenceRoutes(app, services.evidence, config.maxUploadBytes);
  soaRoutes(app, services.soa, db);
  await integrationRoutes(app, services.integrations);
  resourceRoutes(app, services.resources);
  testRoutes(app, services.tests);
  issueRoutes(app, services.issues);
  monitoringSettingsRoutes(app, services.monitoringSettings);
  organisationRoutes(app, services.organisation);
  policyRoutes(app, services.policies);
  incidentRoutes(app, services.incidents);
  inboxRoutes(app, services.inbox);
  impactAssessmentRoutes(app, services.impactAssessments);
  changeRequestRoutes(app, services.changeRequests);
  webhookRoutes(app, services.webhooks);
  objectiveRoutes(app, services.objectives);
  monitoringPlanRoutes(app, services.monitoringPlan);
  auditRoutes(app, services.audits);
  nonconformityRoutes(app, services.nonconformities);
  managementReviewRoutes(app, services.managementReviews);
  certificationRoutes(app, services.certification);
  calendarRoutes(app, services.calendar, config.publicUrl);
  pdcaRoutes(app, services.pdca);
}
