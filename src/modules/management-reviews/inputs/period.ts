import { addDays } from '../../../lib/time.js';
import type { Period } from './sections.js';

/** Bounds for instant columns: from the first day's start up to (not including) the day after the last. */
export function instantBounds(period: Period): { start: string; end: string } {
  return { start: period.from, end: addDays(period.to, 1) };
}

/** Days for tables: empty text for a missing value. */
export const day = (value: string | null | undefined) => (value ? value.slice(0, 10) : '');

export const countBy = <T>(rows: T[], pick: (row: T) => string) => {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(pick(row), (counts.get(pick(row)) ?? 0) + 1);
  return (key: string) => counts.get(key) ?? 0;
};
