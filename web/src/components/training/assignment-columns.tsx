import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { components } from '../../api/schema.js';
import type { Column } from '../ListTable.js';
import { StatusBadge } from './StatusBadge.js';

type Assignment = components['schemas']['TrainingAssignment'];

/** Columns shared by the assignments register and "My training"; the course opens the assignment's drawer. */
export function assignmentColumns<Row extends Assignment | components['schemas']['MyTrainingAssignment']>(
  href: (id: string) => string,
  withPerson: boolean,
): Column<Row>[] {
  const columns: Array<Column<Row> | false> = [
    {
      key: 'course',
      label: 'Course',
      sort: 'course',
      render: (a) => (
        <Anchor component={Link} to={href(a.id)}>
          {a.course.title}
        </Anchor>
      ),
    },
    withPerson && { key: 'person', label: 'Person', sort: 'person', render: (a) => a.person.name },
    { key: 'status', label: 'Status', render: (a) => <StatusBadge status={a.status} /> },
    { key: 'due', label: 'Due on', sort: 'dueOn', render: (a) => a.dueOn },
    { key: 'completed', label: 'Completed', sort: 'completedAt', render: (a) => a.completedAt?.slice(0, 10) },
    { key: 'score', label: 'Score', render: (a) => a.score },
  ];
  return columns.filter((c): c is Column<Row> => c !== false);
}
