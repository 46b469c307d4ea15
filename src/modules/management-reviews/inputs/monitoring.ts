import type { Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';
import { countBy, day } from './period.js';
import { figure, type InputSection, inPeriod, type Period, titleOf } from './sections.js';

/**
 * 9.3.2 d) 2: monitoring and measurement. Test outcomes and issues are as they stand when compiled (there
 * is no history to replay); the monitoring plan counts the items analysed within the period.
 */
export async function monitoring(db: Executor, period: Period): Promise<InputSection> {
  const [tests, issues, items] = await Promise.all([
    db.selectFrom('tests').select(['status', 'enabled']).execute(),
    db.selectFrom('issues').select(['due_at']).where('status', '=', 'open').execute(),
    db
      .selectFrom('monitoring_plan_items')
      .select(['subject', 'frequency', 'last_analysed_at'])
      .orderBy('subject')
      .execute(),
  ]);
  const status = countBy(
    tests.filter((t) => readBool(t.enabled)),
    (t) => t.status,
  );
  const analysed = items.filter((i) => inPeriod(period, i.last_analysed_at));
  return {
    key: 'monitoring',
    title: titleOf('monitoring'),
    figures: [
      figure('tests_passing', 'Tests passing', status('ok'), true),
      figure('tests_failing', 'Tests needing attention', status('needs_attention'), true),
      figure('tests_error', 'Tests in error', status('error')),
      figure('issues_open', 'Open monitoring issues', issues.length, true),
      figure(
        'issues_overdue',
        'Overdue monitoring issues',
        issues.filter((i) => i.due_at < period.to).length,
      ),
      figure('plan_items', 'Monitoring plan items', items.length),
      figure('plan_analysed', 'Plan items analysed in the period', analysed.length, true),
    ],
    tables: [
      {
        title: 'Monitoring plan',
        columns: ['Subject', 'Frequency', 'Last analysed', 'In the period'],
        rows: items.map((i) => [
          i.subject,
          i.frequency,
          day(i.last_analysed_at),
          inPeriod(period, i.last_analysed_at) ? 'yes' : 'no',
        ]),
      },
    ],
  };
}
