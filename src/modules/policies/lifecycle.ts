import { ConflictError } from '../../lib/errors.js';
import type { Permission } from '../auth/permissions.js';
import type { PolicyStatus } from './schema.js';

/**
 * The policy lifecycle: which moves exist and what each needs. Owners (and editors) move their text through
 * drafting and review; approving, publishing and retiring are for those who configure the AIMS. A published
 * policy goes back to draft to be revised while its published version stays in force.
 */
const TRANSITIONS: Record<PolicyStatus, Partial<Record<PolicyStatus, Permission>>> = {
  draft: { in_review: 'records:write', retired: 'aims:configure' },
  in_review: { draft: 'records:write', approved: 'aims:configure', retired: 'aims:configure' },
  approved: { published: 'aims:configure', draft: 'records:write', retired: 'aims:configure' },
  published: { draft: 'records:write', retired: 'aims:configure' },
  retired: {},
};

export function transitionPermission(from: PolicyStatus, to: PolicyStatus): Permission {
  const permission = TRANSITIONS[from][to];
  if (!permission) {
    const allowed = Object.keys(TRANSITIONS[from]);
    throw new ConflictError(
      from === 'retired'
        ? 'A retired policy cannot change any more.'
        : `A ${from.replace('_', ' ')} policy can move to ${allowed.join(', ')}, not to ${to}.`,
      'to',
    );
  }
  return permission;
}

/** Why the working text cannot be edited in this status, or null when it can. */
export function textLockedReason(status: PolicyStatus): string | null {
  switch (status) {
    case 'draft':
      return null;
    case 'published':
      return 'Published versions are immutable: move the policy back to draft to revise it (the published version stays in force).';
    case 'retired':
      return 'A retired policy cannot change any more.';
    default:
      return `The policy is ${status.replace('_', ' ')}: move it back to draft to edit its text.`;
  }
}
