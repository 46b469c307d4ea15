import { readBool } from '../../db/dialect.js';
import type { ConcernRow } from './repository.js';
import type { Concern } from './schema.js';

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function isOverdue(row: { status: string; due_on: string }, today: string): boolean {
  return row.status !== 'closed' && row.due_on < today;
}

export function presentConcern(row: ConcernRow, today: string): Concern {
  const anonymous = readBool(row.anonymous);
  return {
    id: row.id,
    number: row.number,
    aiSystemId: row.ai_system_id,
    aiSystem: named(row.ai_system_id, row.ai_system_name),
    category: row.category as Concern['category'],
    description: row.description,
    anonymous,
    // Anonymous rows have no reporter stored; the check guards against one ever being added by mistake.
    reporter: anonymous ? null : named(row.reporter_id, row.reporter_name),
    assigneeId: row.assignee_id,
    assignee: named(row.assignee_id, row.assignee_name),
    status: row.status as Concern['status'],
    resolution: row.resolution,
    slaDays: row.sla_days,
    reportedOn: row.created_at.slice(0, 10),
    dueOn: row.due_on,
    overdue: isOverdue(row, today),
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
