import type { Executor } from '../../../db/database.js';
import { addDays, addMonths, nowIso } from '../../../lib/time.js';
import { auditResults } from './audits.js';
import { contextChanges, interestedParties } from './context.js';
import { improvementOpportunities } from './improvement.js';
import { monitoring } from './monitoring.js';
import { nonconformities } from './nonconformities.js';
import { objectives } from './objectives.js';
import { previousActions } from './previous-actions.js';
import { risksAndImpact } from './risks.js';
import {
  type Comparison,
  type InputSection,
  type Period,
  type ReviewInputs,
  reviewInputsSchema,
} from './sections.js';

const COMPILERS: Array<(db: Executor, period: Period) => Promise<InputSection>> = [
  previousActions,
  contextChanges,
  interestedParties,
  nonconformities,
  monitoring,
  auditResults,
  objectives,
  risksAndImpact,
  improvementOpportunities,
];

/** The completed review before `day` (the review itself aside): where the period starts, what to compare with. */
export function previousCompletedReview(db: Executor, reviewId: string, day: string) {
  return db
    .selectFrom('management_reviews')
    .select(['id', 'title', 'held_on', 'inputs_snapshot'])
    .where('status', '=', 'completed')
    .where('id', '<>', reviewId)
    .where('held_on', '<=', day)
    .orderBy('held_on', 'desc')
    .orderBy('completed_at', 'desc')
    .executeTakeFirst();
}

export function readSnapshot(text: string | null): ReviewInputs | null {
  if (!text) return null;
  const parsed = reviewInputsSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

function compare(sections: InputSection[], previous: ReviewInputs | null): Comparison[] {
  return sections.flatMap((section) =>
    section.figures
      .filter((f) => f.headline)
      .map((f) => {
        const before = previous?.sections
          .find((s) => s.key === section.key)
          ?.figures.find((p) => p.key === f.key)?.value;
        return {
          section: section.key,
          figure: f.key,
          label: f.label,
          current: f.value,
          previous: before ?? null,
          delta: before === undefined ? null : f.value - before,
        };
      }),
  );
}

/**
 * Compiles the 9.3.2 inputs live for a review held (or to be held) on `asOf`: from the day after the
 * previous completed review, or the twelve months before, up to `asOf`.
 */
export async function compileInputs(db: Executor, reviewId: string, asOf: string): Promise<ReviewInputs> {
  const previous = await previousCompletedReview(db, reviewId, asOf);
  const since = previous?.held_on ? addDays(previous.held_on, 1) : addMonths(asOf, -12);
  // Two reviews on one day: the second covers that day only.
  const from = since > asOf ? asOf : since;
  const period: Period = { from, to: asOf, reviewId };
  const sections: InputSection[] = [];
  // One after another: inside a transaction every query shares one connection anyway.
  for (const compileSection of COMPILERS) sections.push(await compileSection(db, period));
  return {
    reviewId,
    frozen: false,
    compiledAt: nowIso(),
    period: { from, to: asOf },
    previousReview:
      previous?.held_on != null ? { id: previous.id, title: previous.title, heldOn: previous.held_on } : null,
    sections,
    comparison: compare(sections, readSnapshot(previous?.inputs_snapshot ?? null)),
  };
}
