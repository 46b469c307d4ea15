import type { Executor } from '../../../db/database.js';
import { day, instantBounds } from './period.js';
import { figure, type InputSection, type Period, titleOf } from './sections.js';

type Standing = 'met' | 'not met' | 'no data';

function standing(direction: string, target: number, value: number | undefined): Standing {
  if (value === undefined) return 'no data';
  const met = direction === 'at_most' ? value <= target : value >= target;
  return met ? 'met' : 'not met';
}

/** 9.3.2 d) 4: each active objective's latest measurement (up to the period's end) against its target. */
export async function objectives(db: Executor, period: Period): Promise<InputSection> {
  const { end } = instantBounds(period);
  const [rows, measurements] = await Promise.all([
    db
      .selectFrom('objectives')
      .select(['id', 'title', 'unit', 'direction', 'target'])
      .where('status', '=', 'active')
      .orderBy('title')
      .execute(),
    db
      .selectFrom('objective_measurements')
      .select(['objective_id', 'value', 'measured_at'])
      .where('measured_at', '<', end)
      .orderBy('measured_at')
      .execute(),
  ]);
  // Ordered oldest first, so the last one written per objective is its latest.
  const latest = new Map(measurements.map((m) => [m.objective_id, m]));
  const assessed = rows.map((o) => {
    const m = latest.get(o.id);
    const value = m === undefined ? undefined : Number(m.value);
    return { ...o, value, at: m?.measured_at, standing: standing(o.direction, Number(o.target), value) };
  });
  const count = (s: Standing) => assessed.filter((a) => a.standing === s).length;
  return {
    key: 'objectives',
    title: titleOf('objectives'),
    figures: [
      figure('active', 'Active objectives', rows.length),
      figure('met', 'Target met', count('met'), true),
      figure('not_met', 'Target not met', count('not met'), true),
      figure('no_data', 'No measurement', count('no data'), true),
    ],
    tables: [
      {
        title: 'Objectives',
        columns: ['Objective', 'Target', 'Latest', 'Measured', 'Result'],
        rows: assessed.map((a) => [
          a.title,
          `${a.direction === 'at_most' ? '≤' : '≥'} ${Number(a.target)} ${a.unit}`.trim(),
          a.value === undefined ? '' : `${a.value} ${a.unit}`.trim(),
          day(a.at),
          a.standing,
        ]),
      },
    ],
  };
}
