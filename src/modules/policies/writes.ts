import type { Transaction } from 'kysely';
import { fillTemplate, loadPolicyTemplates } from '../../content/policy-templates.js';
import type { DB } from '../../db/schema.js';
import { ConflictError } from '../../lib/errors.js';
import { addMonths } from '../../lib/time.js';
import { readOrganisation } from '../organisation/service.js';
import { textLockedReason } from './lifecycle.js';
import { insertPolicy, updatePolicy } from './repository.js';
import type { Policy, PolicyCreate, PolicyUpdate } from './schema.js';

const TEXT_FIELDS = ['title', 'category', 'body', 'changelog', 'isoRefs'] as const;

/** A new draft, from a template (filled with the organisation's name) or from scratch. */
export async function createPolicyRows(trx: Transaction<DB>, id: string, input: PolicyCreate, now: string) {
  const template = input.templateId
    ? loadPolicyTemplates().find((t) => t.id === input.templateId)
    : undefined;
  const organisation = (await readOrganisation(trx)).name;
  await insertPolicy(trx, {
    id,
    title: input.title ?? template?.title ?? '',
    category: input.category ?? template?.category ?? 'other',
    template_id: template?.id ?? null,
    body:
      input.body ??
      (template ? fillTemplate(template.body, { organisation, aimsOwner: 'the AIMS owner' }) : ''),
    changelog: input.changelog ?? '',
    status: 'draft',
    owner_id: input.ownerId ?? null,
    review_cadence_months: input.reviewCadenceMonths ?? template?.reviewCadenceMonths ?? 12,
    audience_roles: JSON.stringify(input.audience?.roles ?? template?.audience.roles ?? []),
    audience_departments: JSON.stringify(input.audience?.departments ?? template?.audience.departments ?? []),
    iso_refs: JSON.stringify(input.isoRefs ?? template?.isoRefs ?? []),
    submitted_by: null,
    approved_by: null,
    approved_at: null,
    published_version: null,
    published_at: null,
    last_reviewed_at: null,
    next_review_due: null,
    created_at: now,
    updated_at: now,
  });
}

/** Text changes only while drafting; owner, cadence and audience may change until the policy is retired. */
export async function patchPolicyRow(
  trx: Transaction<DB>,
  id: string,
  input: PolicyUpdate,
  now: string,
  existing: Policy,
) {
  const touchesText = TEXT_FIELDS.find((field) => input[field] !== undefined);
  const locked = textLockedReason(existing.status);
  if (touchesText && locked) throw new ConflictError(locked, touchesText);
  if (existing.status === 'retired') throw new ConflictError('A retired policy cannot change any more.');
  await updatePolicy(trx, id, {
    title: input.title,
    category: input.category,
    body: input.body,
    changelog: input.changelog,
    iso_refs: input.isoRefs && JSON.stringify(input.isoRefs),
    owner_id: input.ownerId,
    review_cadence_months: input.reviewCadenceMonths,
    audience_roles: input.audience && JSON.stringify(input.audience.roles),
    audience_departments: input.audience && JSON.stringify(input.audience.departments),
    // A new cadence moves the next review, counted from the last one.
    next_review_due:
      input.reviewCadenceMonths !== undefined && existing.lastReviewedAt
        ? addMonths(existing.lastReviewedAt.slice(0, 10), input.reviewCadenceMonths)
        : undefined,
    updated_at: now,
  });
}
