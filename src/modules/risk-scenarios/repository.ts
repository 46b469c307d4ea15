import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { RiskScenariosTable } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { riskScenarioListSpec } from './schema.js';

export type RiskScenarioRow = RiskScenariosTable & { risk_count: number };

const withRiskCount = (db: Executor) =>
  db
    .selectFrom('risk_scenarios')
    .selectAll('risk_scenarios')
    .select((eb) =>
      eb
        .selectFrom('risks')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('risks.scenario_id', '=', 'risk_scenarios.id')
        .as('risk_count'),
    );

export function findRiskScenario(db: Executor, id: string) {
  return withRiskCount(db).where('risk_scenarios.id', '=', id).executeTakeFirst() as Promise<
    RiskScenarioRow | undefined
  >;
}

export function listRiskScenarios(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<RiskScenarioRow>(
    db.selectFrom('risk_scenarios'),
    riskScenarioListSpec,
    query,
    dialect,
    (q) =>
      q
        .selectAll('risk_scenarios')
        .select((eb) =>
          eb
            .selectFrom('risks')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('risks.scenario_id', '=', 'risk_scenarios.id')
            .as('risk_count'),
        ),
  );
}
