import * as counts from '../shared/overdue-counts.js';
import { all, type RecordType, run } from './record-type.js';

/** Check: is it working? */
export const CHECK_RECORDS: RecordType[] = [
  { type: 'test', phase: 'check', label: 'Monitoring tests', link: '/tests', total: all('tests') },
  {
    type: 'issue',
    phase: 'check',
    label: 'Monitoring issues',
    link: '/issues',
    total: all('issues'),
    overdue: (db, { now }) => counts.countOverdueIssues(db, now),
  },
  {
    type: 'internal_audit',
    phase: 'check',
    label: 'Internal audits',
    link: '/audits',
    total: all('audits'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('audits')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'in', ['planned', 'in_progress'])
          .where('planned_end', '<', today),
      ),
  },
  {
    type: 'management_review',
    phase: 'check',
    label: 'Management reviews',
    link: '/management-reviews',
    total: all('management_reviews'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('management_reviews')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'in', ['planned', 'in_progress'])
          .where('scheduled_for', '<', today),
      ),
  },
  {
    type: 'external_audit',
    phase: 'check',
    label: 'External audits',
    link: '/certification',
    total: all('external_audits'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('external_audits')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'planned')
          .where('planned_end', '<', today),
      ),
  },
];
