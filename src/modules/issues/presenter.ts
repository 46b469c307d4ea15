import { readBool } from '../../db/dialect.js';
import type { DB, TestTransitionsTable } from '../../db/schema.js';
import { ownerOf } from '../shared/owned.js';
import type { IssueRow } from './repository.js';
import type { Issue, IssueComment, IssueTransition } from './schema.js';

export function presentIssue(row: IssueRow, now: string): Issue {
  const status = row.status as Issue['status'];
  return {
    id: row.id,
    number: Number(row.number),
    title: row.title,
    testId: row.test_id,
    testTitle: row.test_title,
    resourceId: row.resource_id,
    resourceName: row.resource_name,
    severity: row.severity as Issue['severity'],
    status,
    ownerId: row.owner_id,
    owner: ownerOf(row),
    dueAt: row.due_at,
    overdue: status === 'open' && row.due_at < now,
    openedAt: row.opened_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution as Issue['resolution'],
    flapping: readBool(row.flapping),
    updatedAt: row.updated_at,
  };
}

export function presentComment(row: DB['issue_comments']): IssueComment {
  return {
    id: row.id,
    author: row.author_label,
    authorUserId: row.author_user_id,
    body: row.body,
    createdAt: row.created_at,
  };
}

export function presentTransition(
  row: TestTransitionsTable & { attributes: string },
  kind: IssueTransition['kind'],
): IssueTransition {
  return {
    id: row.id,
    kind,
    from: row.from_outcome,
    to: row.to_outcome,
    reason: row.reason,
    at: row.at,
    testVersion: Number(row.test_version),
    snapshotSha256: row.snapshot_sha256,
    snapshot: JSON.parse(row.attributes) as Record<string, unknown>,
  };
}
