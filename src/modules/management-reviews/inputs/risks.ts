import type { Executor } from '../../../db/database.js';
import { systemStatuses } from '../../impact-assessments/due.js';
import { SEVERITIES } from '../../incidents/schema.js';
import { bandFor, readMatrixConfig } from '../../risks/matrix-config.js';
import { countBy, day, instantBounds } from './period.js';
import { figure, type InputSection, type Period, titleOf } from './sections.js';

const IMPACT_STANDINGS = ['current', 'due', 'overdue', 'missing'] as const;

/**
 * 9.3.2 d) 5 and e): the risks (levels as the risk register computes them, residual when assessed),
 * where impact assessments stand, and the incidents detected in the period.
 */
export async function risksAndImpact(db: Executor, period: Period): Promise<InputSection> {
  const { start, end } = instantBounds(period);
  const [matrix, risks, impact, incidents] = await Promise.all([
    readMatrixConfig(db),
    db
      .selectFrom('risks')
      .select(['title', 'status', 'inherent_score', 'residual_score'])
      .where('status', '<>', 'closed')
      .orderBy('title')
      .execute(),
    systemStatuses(db, period.to),
    db
      .selectFrom('incidents')
      .select(['reference', 'title', 'severity', 'status', 'detected_at'])
      .where('detected_at', '>=', start)
      .where('detected_at', '<', end)
      .orderBy('detected_at')
      .execute(),
  ]);
  const scored = risks.map((r) => {
    const score = Number(r.residual_score ?? r.inherent_score);
    return { ...r, score, level: bandFor(matrix, score) ?? 'unscored' };
  });
  const aboveAppetite = scored.filter((r) => r.score > matrix.appetiteThreshold);
  const level = countBy(scored, (r) => r.level);
  const standing = countBy(impact, (s) => s.status);
  const severity = countBy(incidents, (i) => i.severity);
  return {
    key: 'risks_and_impact',
    title: titleOf('risks_and_impact'),
    figures: [
      figure('risks_open', 'Risks not closed', risks.length, true),
      figure('risks_above_appetite', 'Above risk appetite', aboveAppetite.length, true),
      ...matrix.bands.map((b) => figure(`risks_${b.name}`, `Risks rated ${b.name}`, level(b.name))),
      ...IMPACT_STANDINGS.map((s) =>
        figure(`impact_${s}`, `Impact assessments ${s}`, standing(s), s === 'overdue'),
      ),
      figure('incidents', 'Incidents in the period', incidents.length, true),
      ...SEVERITIES.map((s) => figure(`incidents_${s}`, `Incidents ${s}`, severity(s))),
    ],
    tables: [
      {
        title: 'Risks above appetite',
        columns: ['Risk', 'Status', 'Score', 'Level'],
        rows: aboveAppetite.map((r) => [r.title, r.status, String(r.score), r.level]),
      },
      {
        title: 'Incidents in the period',
        columns: ['Reference', 'Title', 'Severity', 'Status', 'Detected'],
        rows: incidents.map((i) => [i.reference, i.title, i.severity, i.status, day(i.detected_at)]),
      },
    ],
  };
}
