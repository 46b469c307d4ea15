import { addDays } from '../../lib/time.js';

export const PLAN_FREQUENCIES = [
  'continuous',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'half_yearly',
  'yearly',
] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];
export const ANALYSIS_STANDINGS = ['analysed', 'overdue', 'never_analysed'] as const;
export type AnalysisStanding = (typeof ANALYSIS_STANDINGS)[number];

/**
 * Days an analysis covers. Results gathered continuously or daily are not re-analysed every day: they are
 * reviewed weekly at the latest (the tests themselves raise issues in between).
 */
export const ANALYSIS_PERIOD_DAYS: Record<PlanFrequency, number> = {
  continuous: 7,
  daily: 7,
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  half_yearly: 183,
  yearly: 366,
};

export function nextAnalysisDue(frequency: PlanFrequency, lastAnalysedAt: string | null): string | null {
  return lastAnalysedAt ? addDays(lastAnalysedAt, ANALYSIS_PERIOD_DAYS[frequency]) : null;
}

export function analysisStandingOf(
  frequency: PlanFrequency,
  lastAnalysedAt: string | null,
  today: string,
): AnalysisStanding {
  const due = nextAnalysisDue(frequency, lastAnalysedAt);
  if (!due) return 'never_analysed';
  return due < today ? 'overdue' : 'analysed';
}
