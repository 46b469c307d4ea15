import type { Config } from './config/config.js';
import type { Db } from './db/database.js';
import { createAiSystemsService } from './modules/ai-systems/service.js';
import { createAuthService } from './modules/auth/service.js';
import { createDatasetsService } from './modules/datasets/service.js';
import { createPeopleService } from './modules/people/service.js';
import { createRiskScenariosService } from './modules/risk-scenarios/service.js';
import { createRisksService } from './modules/risks/service.js';
import { createScopeService } from './modules/scope/service.js';
import { createTokensService } from './modules/tokens/service.js';
import { createTrailService } from './modules/trail/trail-service.js';
import { createUsersService } from './modules/users/service.js';
import { createVendorsService } from './modules/vendors/service.js';

/** Every service, wired explicitly: no container, no base class injecting everything. */
export function createServices(db: Db, config: Pick<Config, 'sessionTtlMs'>) {
  return {
    auth: createAuthService(db, { sessionTtlMs: config.sessionTtlMs }),
    people: createPeopleService(db),
    users: createUsersService(db),
    tokens: createTokensService(db),
    aiSystems: createAiSystemsService(db),
    datasets: createDatasetsService(db),
    vendors: createVendorsService(db),
    riskScenarios: createRiskScenariosService(db),
    risks: createRisksService(db),
    scope: createScopeService(db),
    trail: createTrailService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
