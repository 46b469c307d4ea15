import type { Db } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { presentRiskScenario } from './presenter.js';
import { findRiskScenario, listRiskScenarios } from './repository.js';
import type { RiskScenario, RiskScenarioListQuery } from './schema.js';

/** The scenario library is content: read-only through the API, changed by editing content/risk-scenarios.yaml. */
export function createRiskScenariosService(db: Db) {
  return {
    async list(actor: Actor, query: RiskScenarioListQuery): Promise<ListPage<RiskScenario>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listRiskScenarios(db.kysely, db.dialect, query);
      return { items: rows.map(presentRiskScenario), total, limit: query.limit, offset: query.offset };
    },
    async get(actor: Actor, id: string): Promise<RiskScenario> {
      authorize(actor, 'records:read');
      const row = await findRiskScenario(db.kysely, id);
      if (!row) throw new NotFoundError('risk scenario', id);
      return presentRiskScenario(row);
    },
  };
}

export type RiskScenariosService = ReturnType<typeof createRiskScenariosService>;
