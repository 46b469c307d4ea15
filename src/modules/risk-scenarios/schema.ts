import { z } from 'zod';
import { RISK_CATEGORIES } from '../../content/risk-scenarios.js';
import { timestampsShape } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const riskScenarioSchema = z
  .object({
    ...timestampsShape,
    title: z.string(),
    category: z.enum(RISK_CATEGORIES),
    description: z.string(),
    typicalCauses: z.array(z.string()),
    typicalConsequences: z.array(z.string()),
    suggestedTreatments: z.array(z.string()),
    defaultLikelihood: z.number().int(),
    defaultImpact: z.number().int(),
    defaultScore: z.number().int(),
    contentVersion: z.number().int(),
    riskCount: z.number().int().describe('How many risks in the register use this scenario.'),
  })
  .meta({ id: 'RiskScenario' });

export const riskScenarioListSpec: ListSpec = {
  sortable: {
    id: 'risk_scenarios.id',
    title: 'risk_scenarios.title',
    category: 'risk_scenarios.category',
    defaultLikelihood: 'risk_scenarios.default_likelihood',
    defaultImpact: 'risk_scenarios.default_impact',
  },
  defaultSort: 'id',
  caseInsensitive: ['title'],
  idColumn: 'risk_scenarios.id',
  searchable: ['risk_scenarios.id', 'risk_scenarios.title', 'risk_scenarios.description'],
  filters: { category: { schema: z.enum(RISK_CATEGORIES), column: 'risk_scenarios.category' } },
};

export const riskScenarioListQuery = listQuerySchema(riskScenarioListSpec);
export type RiskScenario = z.infer<typeof riskScenarioSchema>;
export type RiskScenarioListQuery = z.infer<typeof riskScenarioListQuery>;
