import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { shortText } from '../shared/fields.js';

const level = z.object({ value: z.number().int().min(1).max(5), name: shortText(60).min(1) }).strict();
const band = z
  .object({
    name: shortText(40).min(1),
    minScore: z.number().int().min(1).max(25),
    maxScore: z.number().int().min(1).max(25),
  })
  .strict();

const fiveLevels = z
  .array(level)
  .length(5)
  .refine((levels) => levels.every((l, i) => l.value === i + 1), 'levels must be numbered 1 to 5 in order');

export const matrixConfigSchema = z
  .object({
    likelihoodLevels: fiveLevels,
    impactLevels: fiveLevels,
    /** Risks scoring above this (residual if assessed, else inherent) are outside the organisation's appetite. */
    appetiteThreshold: z.number().int().min(1).max(25),
    bands: z.array(band).min(1).max(6),
  })
  .strict()
  .superRefine((config, ctx) => {
    let expected = 1;
    config.bands.forEach((b, i) => {
      if (b.minScore !== expected || b.maxScore < b.minScore) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i],
          message: `bands must cover 1..25 without gaps; this one should start at ${expected}`,
        });
      }
      expected = b.maxScore + 1;
    });
    if (expected !== 26)
      ctx.addIssue({ code: 'custom', path: ['bands'], message: 'the last band must end at 25' });
  })
  .meta({ id: 'RiskMatrixConfig' });

export type MatrixConfig = z.infer<typeof matrixConfigSchema>;

export const DEFAULT_MATRIX: MatrixConfig = {
  likelihoodLevels: [
    { value: 1, name: 'Rare' },
    { value: 2, name: 'Unlikely' },
    { value: 3, name: 'Possible' },
    { value: 4, name: 'Likely' },
    { value: 5, name: 'Almost certain' },
  ],
  impactLevels: [
    { value: 1, name: 'Negligible' },
    { value: 2, name: 'Minor' },
    { value: 3, name: 'Moderate' },
    { value: 4, name: 'Major' },
    { value: 5, name: 'Severe' },
  ],
  appetiteThreshold: 9,
  bands: [
    { name: 'low', minScore: 1, maxScore: 4 },
    { name: 'medium', minScore: 5, maxScore: 9 },
    { name: 'high', minScore: 10, maxScore: 16 },
    { name: 'critical', minScore: 17, maxScore: 25 },
  ],
};

const KEY = 'risk_matrix';

export async function readMatrixConfig(db: Executor): Promise<MatrixConfig> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_MATRIX;
  const parsed = matrixConfigSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_MATRIX;
}

export async function writeMatrixConfig(db: Executor, config: MatrixConfig, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(config), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(config), updated_at: now }))
    .execute();
}

export function bandFor(config: MatrixConfig, score: number | null): string | null {
  if (score === null) return null;
  return config.bands.find((b) => score >= b.minScore && score <= b.maxScore)?.name ?? null;
}
