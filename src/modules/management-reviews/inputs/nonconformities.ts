import type { Executor } from '../../../db/database.js';
import { countBy, day, instantBounds } from './period.js';
import { figure, type InputSection, inPeriod, type Period, titleOf } from './sections.js';

const CLOSED = ['closed', 'cancelled'];
const ACTIVE_ACTION = ['planned', 'in_progress'];

/** 9.3.2 d) 1: nonconformities and corrective actions, with the effectiveness checks made in the period. */
export async function nonconformities(db: Executor, period: Period): Promise<InputSection> {
  const { start, end } = instantBounds(period);
  const [ncs, actions, checks] = await Promise.all([
    db
      .selectFrom('nonconformities')
      .select(['reference', 'title', 'grade', 'status', 'raised_on', 'closed_at'])
      .orderBy('reference')
      .execute(),
    db.selectFrom('corrective_actions').select(['status', 'due_date', 'completed_at']).execute(),
    db
      .selectFrom('effectiveness_checks')
      .select('result')
      .where('checked_at', '>=', start)
      .where('checked_at', '<', end)
      .execute(),
  ]);
  const open = ncs.filter((n) => !CLOSED.includes(n.status));
  const grade = countBy(open, (n) => n.grade);
  const result = countBy(checks, (c) => c.result ?? '');
  return {
    key: 'nonconformities',
    title: titleOf('nonconformities'),
    figures: [
      figure('opened', 'Raised in the period', ncs.filter((n) => inPeriod(period, n.raised_on)).length, true),
      figure(
        'closed',
        'Closed in the period',
        ncs.filter((n) => n.status === 'closed' && inPeriod(period, n.closed_at)).length,
        true,
      ),
      figure('open', 'Open now', open.length, true),
      figure('open_major', 'Open major', grade('major')),
      figure('open_minor', 'Open minor', grade('minor')),
      figure(
        'actions_done',
        'Corrective actions done in the period',
        actions.filter((a) => a.status === 'done' && inPeriod(period, a.completed_at)).length,
      ),
      figure(
        'actions_overdue',
        'Corrective actions overdue',
        actions.filter((a) => ACTIVE_ACTION.includes(a.status) && a.due_date < period.to).length,
        true,
      ),
      figure('checks_effective', 'Checks found effective', result('effective')),
      figure('checks_not_effective', 'Checks found not effective', result('not_effective')),
    ],
    tables: [
      {
        title: 'Open nonconformities',
        columns: ['Reference', 'Title', 'Grade', 'Status', 'Raised'],
        rows: open.map((n) => [n.reference, n.title, n.grade, n.status, day(n.raised_on)]),
      },
    ],
  };
}
