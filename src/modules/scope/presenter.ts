import type { ScopeVersionsTable } from '../../db/schema.js';
import { ownerOf } from '../shared/owned.js';
import type { IssueRow, PartyRow } from './repository.js';
import type { ContextIssue, InterestedParty, ScopeVersion } from './schema.js';

export function presentScopeVersion(row: ScopeVersionsTable): ScopeVersion {
  return {
    id: row.id,
    version: row.version,
    statement: row.statement,
    boundaries: row.boundaries,
    exclusions: row.exclusions,
    author: row.author_label,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentIssue(row: IssueRow): ContextIssue {
  return {
    id: row.id,
    kind: row.kind as ContextIssue['kind'],
    title: row.title,
    description: row.description,
    category: row.category as ContextIssue['category'],
    effect: row.effect as ContextIssue['effect'],
    ownerId: row.owner_id,
    owner: ownerOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentParty(row: PartyRow): InterestedParty {
  return {
    id: row.id,
    name: row.name,
    category: row.category as InterestedParty['category'],
    needs: row.needs,
    expectations: row.expectations,
    ownerId: row.owner_id,
    owner: ownerOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
