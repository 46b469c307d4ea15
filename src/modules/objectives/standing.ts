import { addDays } from '../../lib/time.js';

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const DIRECTIONS = ['at_least', 'at_most'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const STANDINGS = ['measured', 'measurement_due', 'no_measurements'] as const;
export type Standing = (typeof STANDINGS)[number];
export const ATTAINMENTS = ['met', 'not_met', 'no_data'] as const;
export type Attainment = (typeof ATTAINMENTS)[number];

/** How long one measurement counts for: a period is a little longer than its name so a late day is not "due". */
export const PERIOD_DAYS: Record<Frequency, number> = {
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  half_yearly: 183,
  yearly: 366,
};

const DAY_MS = 86_400_000;

/** The earliest instant a measurement may have been taken and still cover the current period. */
export function periodStart(frequency: Frequency, now: Date): string {
  return new Date(now.getTime() - PERIOD_DAYS[frequency] * DAY_MS).toISOString();
}

export function standingOf(frequency: Frequency, lastMeasuredAt: string | null, now: Date): Standing {
  if (!lastMeasuredAt) return 'no_measurements';
  return lastMeasuredAt >= periodStart(frequency, now) ? 'measured' : 'measurement_due';
}

/** The day the next measurement is expected; an objective never measured is due from the day it was set. */
export function nextMeasurementDue(frequency: Frequency, lastMeasuredAt: string | null, createdAt: string) {
  return lastMeasuredAt ? addDays(lastMeasuredAt, PERIOD_DAYS[frequency]) : createdAt.slice(0, 10);
}

export function attainmentOf(direction: Direction, target: number, value: number | null): Attainment {
  if (value === null) return 'no_data';
  const met = direction === 'at_least' ? value >= target : value <= target;
  return met ? 'met' : 'not_met';
}
