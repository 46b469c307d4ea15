// biome-ignore-all lint/suspicious/noExplicitAny: list filters are written over any table, as in shared/list.ts
import type { ExpressionBuilder } from 'kysely';
import { FREQUENCIES, periodStart, type Standing } from './standing.js';

type Eb = ExpressionBuilder<any, any>;

const measurements = (eb: Eb) =>
  eb
    .selectFrom('objective_measurements as m')
    .select('m.id')
    .whereRef('m.objective_id', '=', 'objectives.id');

/** Measured within the period of the objective's own frequency: one branch per frequency. */
function measuredThisPeriod(eb: Eb, now: Date) {
  return eb.or(
    FREQUENCIES.map((frequency) =>
      eb.and([
        eb('objectives.frequency', '=', frequency),
        eb.exists(measurements(eb).where('m.measured_at', '>=', periodStart(frequency, now))),
      ]),
    ),
  );
}

/** The same rule as the presenter's `standing`, in SQL, so lists can filter and count by it. */
export function whereStanding(eb: Eb, standing: Standing, now: Date) {
  if (standing === 'no_measurements') return eb.not(eb.exists(measurements(eb)));
  if (standing === 'measured') return measuredThisPeriod(eb, now);
  return eb.and([eb.exists(measurements(eb)), eb.not(measuredThisPeriod(eb, now))]);
}
