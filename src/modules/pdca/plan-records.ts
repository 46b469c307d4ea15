import { systemStatuses } from '../impact-assessments/due.js';
import * as counts from '../shared/overdue-counts.js';
import { all, type RecordType, run } from './record-type.js';

/** Plan: what the AIMS intends, and what could get in the way. */
export const PLAN_RECORDS: RecordType[] = [
  {
    type: 'context_issue',
    phase: 'plan',
    label: 'Context issues',
    link: '/scope',
    total: all('context_issues'),
  },
  {
    type: 'interested_party',
    phase: 'plan',
    label: 'Interested parties',
    link: '/scope',
    total: all('interested_parties'),
  },
  {
    type: 'risk',
    phase: 'plan',
    label: 'Risks',
    link: '/risks',
    total: all('risks'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('risks')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'not in', ['closed', 'accepted'])
          .where('due_date', '<', today),
      ),
  },
  {
    type: 'impact_assessment',
    phase: 'plan',
    label: 'Impact assessments',
    link: '/impact-assessments',
    total: all('impact_assessments'),
    overdue: async (db, { today }) =>
      (await systemStatuses(db, today)).filter((s) => s.status === 'overdue').length,
  },
  {
    type: 'objective',
    phase: 'plan',
    label: 'AI objectives',
    link: '/objectives',
    total: all('objectives'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('objectives')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'active')
          .where('due_date', '<', today),
      ),
  },
  {
    type: 'policy',
    phase: 'plan',
    label: 'Policies',
    link: '/policies',
    total: all('policies'),
    overdue: (db, { today }) => counts.countPoliciesPastReview(db, today),
  },
  {
    type: 'aims_role',
    phase: 'plan',
    label: 'AIMS roles',
    link: '/accountability',
    total: all('aims_roles'),
  },
  {
    type: 'audit_programme',
    phase: 'plan',
    label: 'Audit programmes',
    link: '/audits?tab=programme',
    total: all('audit_programmes'),
  },
  {
    type: 'monitoring_plan_item',
    phase: 'plan',
    label: 'Monitoring plan items',
    link: '/monitoring-plan',
    total: all('monitoring_plan_items'),
  },
];
