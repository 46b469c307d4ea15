import type { Config } from './config/config.js';
import type { Db } from './db/database.js';
import { createAiSystemsService } from './modules/ai-systems/service.js';
import { createAimsRolesService } from './modules/aims-roles/service.js';
import { createAuditsService } from './modules/audits/service.js';
import { createAuthService } from './modules/auth/service.js';
import { createCalendarService } from './modules/calendar/service.js';
import { programmeGapCount } from './modules/certification/programme-gaps.js';
import { createCertificationService } from './modules/certification/service.js';
import { createChangeRequestsService } from './modules/change-requests/service.js';
import { createConcernsService } from './modules/concerns/service.js';
import { createControlsService } from './modules/controls/service.js';
import { createDatasetsService } from './modules/datasets/service.js';
import { createBlobStore } from './modules/evidence/blob-store.js';
import { createEvidenceService } from './modules/evidence/service.js';
import { createMappingsService } from './modules/frameworks/mappings.js';
import { createFrameworksService } from './modules/frameworks/service.js';
import { createImpactAssessmentsService } from './modules/impact-assessments/service.js';
import { createInboxService } from './modules/inbox/service.js';
import { createIncidentsService } from './modules/incidents/service.js';
import { createIntegrationsService } from './modules/integrations/service.js';
import { createIssuesService } from './modules/issues/service.js';
import { createManagementReviewsService } from './modules/management-reviews/service.js';
import { createMonitoringPlanService } from './modules/monitoring-plan/service.js';
import { createMonitoringSettingsService } from './modules/monitoring-settings/service.js';
import { createNonconformitiesService } from './modules/nonconformities/service.js';
import { createObjectivesService } from './modules/objectives/service.js';
import { createOrganisationService } from './modules/organisation/service.js';
import { createOrphansService } from './modules/orphans/service.js';
import { createPdcaService } from './modules/pdca/service.js';
import { createPeopleService } from './modules/people/service.js';
import { createPoliciesService } from './modules/policies/service.js';
import { createReadinessService } from './modules/readiness/service.js';
import { createResourcesService } from './modules/resources/service.js';
import { createRiskScenariosService } from './modules/risk-scenarios/service.js';
import { createRisksService } from './modules/risks/service.js';
import { createScopeService } from './modules/scope/service.js';
import { createSoaService } from './modules/soa/service.js';
import { createTestsService } from './modules/tests/service.js';
import { createTokensService } from './modules/tokens/service.js';
import { createTrailService } from './modules/trail/trail-service.js';
import { createTrainingService } from './modules/training/service.js';
import { createUsersService } from './modules/users/service.js';
import { createVendorsService } from './modules/vendors/service.js';
import { createWebhooksService } from './modules/webhooks/service.js';
import type { Monitor } from './monitoring/monitor.js';

/** Every service, wired explicitly: no container, no base class injecting everything. */
export function createServices(
  db: Db,
  config: Pick<Config, 'sessionTtlMs' | 'dataDir' | 'blobStorage' | 'maxUploadBytes'>,
  monitor: Monitor,
  secret: string,
) {
  const blobs = createBlobStore(db, config);
  return {
    auth: createAuthService(db, { sessionTtlMs: config.sessionTtlMs }),
    people: createPeopleService(db),
    users: createUsersService(db),
    tokens: createTokensService(db),
    aiSystems: createAiSystemsService(db),
    datasets: createDatasetsService(db),
    vendors: createVendorsService(db),
    training: createTrainingService(db),
    riskScenarios: createRiskScenariosService(db),
    risks: createRisksService(db),
    aimsRoles: createAimsRolesService(db),
    orphans: createOrphansService(db),
    concerns: createConcernsService(db),
    scope: createScopeService(db),
    trail: createTrailService(db),
    frameworks: createFrameworksService(db),
    controls: createControlsService(db),
    mappings: createMappingsService(db),
    readiness: createReadinessService(db),
    evidence: createEvidenceService(db, blobs),
    soa: createSoaService(db),
    organisation: createOrganisationService(db),
    integrations: createIntegrationsService(db, monitor, secret),
    resources: createResourcesService(db),
    tests: createTestsService(db, monitor),
    issues: createIssuesService(db),
    monitoringSettings: createMonitoringSettingsService(db),
    policies: createPoliciesService(db),
    incidents: createIncidentsService(db),
    inbox: createInboxService(db),
    impactAssessments: createImpactAssessmentsService(db),
    changeRequests: createChangeRequestsService(db),
    webhooks: createWebhooksService(db, secret),
    objectives: createObjectivesService(db, { secret }),
    monitoringPlan: createMonitoringPlanService(db),
    audits: createAuditsService(db),
    nonconformities: createNonconformitiesService(db),
    managementReviews: createManagementReviewsService(db),
    certification: createCertificationService(db, programmeGapCount),
    calendar: createCalendarService(db),
    pdca: createPdcaService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
