import { readBool } from '../../db/dialect.js';
import type { TestsTable } from '../../db/schema.js';
import type { Test } from './schema.js';

export interface TestDecorations {
  owners: Map<string, string>;
  frameworks: Map<string, string[]>;
}

export function presentTest(row: TestsTable, decorations: TestDecorations): Test {
  return {
    id: row.id,
    builtin: readBool(row.builtin),
    title: row.title,
    description: row.description,
    severity: row.severity as Test['severity'],
    resourceType: row.resource_type,
    appliesWhen: row.applies_when,
    condition: row.condition,
    controls: JSON.parse(row.controls) as string[],
    frameworks: decorations.frameworks.get(row.id) ?? [],
    remediation: row.remediation,
    ownerId: row.owner_id,
    owner: row.owner_id ? { id: row.owner_id, name: decorations.owners.get(row.owner_id) ?? '' } : null,
    schedule: row.schedule,
    enabled: readBool(row.enabled),
    disabledReason: row.disabled_reason,
    version: row.version,
    status: row.status as Test['status'],
    counts: JSON.parse(row.counts) as Test['counts'],
    lastRunAt: row.last_run_at,
    nextRunAt: row.next_run_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
