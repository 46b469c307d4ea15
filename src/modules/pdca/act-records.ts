import * as counts from '../shared/overdue-counts.js';
import { all, type RecordType, run } from './record-type.js';

/** Act: correct what was found and improve. */
export const ACT_RECORDS: RecordType[] = [
  {
    type: 'nonconformity',
    phase: 'act',
    label: 'Nonconformities',
    link: '/nonconformities',
    total: all('nonconformities'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('nonconformities')
          .select((eb) => eb.fn.count('nonconformities.id').distinct().as('n'))
          .innerJoin('corrective_actions', 'corrective_actions.nonconformity_id', 'nonconformities.id')
          .where('nonconformities.status', 'not in', ['closed', 'cancelled'])
          .where('corrective_actions.status', 'in', ['planned', 'in_progress'])
          .where('corrective_actions.due_date', '<', today),
      ),
  },
  {
    type: 'corrective_action',
    phase: 'act',
    label: 'Corrective actions',
    link: '/corrective-action-plan',
    total: all('corrective_actions'),
    overdue: (db, { today }) => counts.countOverdueCorrectiveActions(db, today),
  },
  {
    type: 'effectiveness_check',
    phase: 'act',
    label: 'Effectiveness checks',
    link: '/nonconformities',
    total: all('effectiveness_checks'),
    overdue: (db, { today }) => counts.countOverdueEffectivenessChecks(db, today),
  },
  {
    type: 'review_action',
    phase: 'act',
    label: 'Management review actions',
    link: '/management-reviews?tab=actions',
    total: (db) =>
      run(
        db
          .selectFrom('management_review_outputs')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('owner_id', 'is not', null)
          .where('due_date', 'is not', null),
      ),
    overdue: (db, { today }) => counts.countOverdueReviewActions(db, today),
  },
];
