import { z } from 'zod';

/** The 9.3.2 inputs, in the order a review walks through them; keys are stable (notes and snapshots use them). */
export const INPUT_SECTIONS = [
  { key: 'previous_actions', title: 'Actions from previous reviews' },
  { key: 'context_changes', title: 'Changes in internal and external issues' },
  { key: 'interested_parties', title: 'Needs and expectations of interested parties' },
  { key: 'nonconformities', title: 'Nonconformities and corrective actions' },
  { key: 'monitoring', title: 'Monitoring and measurement results' },
  { key: 'audit_results', title: 'Audit results' },
  { key: 'objectives', title: 'Fulfilment of AI objectives' },
  { key: 'risks_and_impact', title: 'Risks, impact assessments and incidents' },
  { key: 'improvement_opportunities', title: 'Opportunities for continual improvement' },
] as const;

export type InputSectionKey = (typeof INPUT_SECTIONS)[number]['key'];
export const INPUT_SECTION_KEYS = INPUT_SECTIONS.map((s) => s.key) as [InputSectionKey, ...InputSectionKey[]];

const figureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  headline: z.boolean().describe('Compared with the previous review.'),
});

const tableSchema = z.object({
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});

export const inputSectionSchema = z.object({
  key: z.enum(INPUT_SECTION_KEYS),
  title: z.string(),
  figures: z.array(figureSchema),
  tables: z.array(tableSchema),
});

const comparisonSchema = z.object({
  section: z.enum(INPUT_SECTION_KEYS),
  figure: z.string(),
  label: z.string(),
  current: z.number(),
  previous: z.number().nullable().describe('The value in the previous review’s snapshot, when there is one.'),
  delta: z.number().nullable(),
});

export const reviewInputsSchema = z
  .object({
    reviewId: z.string(),
    frozen: z.boolean().describe('True once the review is completed: the inputs as they stood then.'),
    compiledAt: z.string(),
    period: z.object({
      from: z.string().describe('First day covered: the previous completed review, or 12 months back.'),
      to: z.string(),
    }),
    previousReview: z.object({ id: z.string(), title: z.string(), heldOn: z.string() }).nullable(),
    sections: z.array(inputSectionSchema),
    comparison: z.array(comparisonSchema),
  })
  .meta({ id: 'ManagementReviewInputs' });

export type Figure = z.infer<typeof figureSchema>;
export type InputTable = z.infer<typeof tableSchema>;
export type InputSection = z.infer<typeof inputSectionSchema>;
export type ReviewInputs = z.infer<typeof reviewInputsSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;

/** What every section compiler gets: the period as days, and the day "now" means for overdue checks. */
export interface Period {
  from: string;
  to: string;
  /** The review's own id, so "earlier reviews" excludes it. */
  reviewId: string;
}

export const titleOf = (key: InputSectionKey) => INPUT_SECTIONS.find((s) => s.key === key)?.title ?? key;

export function figure(key: string, label: string, value: number, headline = false): Figure {
  return { key, label, value: Number(value), headline };
}

/** True when an ISO day or instant falls within the period (both ends included). */
export function inPeriod(period: Period, value: string | null | undefined): boolean {
  if (!value) return false;
  const day = value.slice(0, 10);
  return day >= period.from && day <= period.to;
}
