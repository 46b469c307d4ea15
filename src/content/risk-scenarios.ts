import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { contentPath } from './paths.js';

export const RISK_CATEGORIES = [
  'bias_fairness',
  'performance_drift',
  'transparency_explainability',
  'privacy_data_leakage',
  'prompt_injection',
  'data_poisoning',
  'model_theft',
  'hallucination',
  'over_reliance',
  'misuse_dual_use',
  'third_party',
  'safety',
  'ip_licensing',
  'regulatory',
  'shadow_ai',
  'societal_environmental',
  'security',
  'data_quality',
  'accountability',
] as const;

const item = z.string().min(1).max(300);

export const scenarioContentSchema = z
  .object({
    id: z.string().regex(/^RS-[A-Z]+-\d{2}$/),
    title: z.string().min(1).max(120),
    category: z.enum(RISK_CATEGORIES),
    description: z.string().min(1).max(1000),
    typicalCauses: z.array(item).min(1).max(8),
    typicalConsequences: z.array(item).min(1).max(8),
    suggestedTreatments: z.array(item).min(1).max(10),
    defaultLikelihood: z.number().int().min(1).max(5),
    defaultImpact: z.number().int().min(1).max(5),
  })
  .strict();

const fileSchema = z
  .object({ version: z.number().int().positive(), scenarios: z.array(scenarioContentSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.scenarios.forEach((scenario, index) => {
      if (seen.has(scenario.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scenarios', index, 'id'],
          message: `duplicate id ${scenario.id}`,
        });
      }
      seen.add(scenario.id);
    });
  });

export type ScenarioContent = z.infer<typeof scenarioContentSchema>;
export type ScenarioFile = z.infer<typeof fileSchema>;

/** Reads and schema-checks the scenario library; a broken content file stops start-up with the path at fault. */
export function readRiskScenarios(file = contentPath('risk-scenarios.yaml')): ScenarioFile {
  const parsed = fileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
