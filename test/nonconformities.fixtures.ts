import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Executor } from '../src/db/database.js';
import { addDays, todayIso } from '../src/lib/time.js';
import type { TestApp } from './support/app.js';

const FW = 'iso-42001-2023';

/** An audit with one finding of each given type, written straight into the audits module's tables. */
export async function seedFindings(db: Executor, types: string[]): Promise<string[]> {
  const now = new Date().toISOString();
  const stamp = { created_at: now, updated_at: now };
  const auditId = randomUUID();
  const number = Math.floor(Math.random() * 1_000_000);
  await db
    .insertInto('audits')
    .values({
      id: auditId,
      reference: `IA-2026-${number}`,
      ref_year: 2026,
      ref_number: number,
      programme_id: null,
      title: 'Internal audit',
      scope: '',
      criteria: '',
      framework_id: FW,
      lead_auditor_id: null,
      planned_start: now.slice(0, 10),
      planned_end: now.slice(0, 10),
      status: 'in_progress',
      independence_warnings: '[]',
      independence_justification: '',
      conclusion: '',
      started_at: now,
      completed_at: null,
      ...stamp,
    })
    .execute();
  const ids = types.map(() => randomUUID());
  await db
    .insertInto('audit_findings')
    .values(
      types.map((type, i) => ({
        id: ids[i] as string,
        audit_id: auditId,
        checklist_item_id: null,
        requirement_id: `${FW}:8.2`,
        type,
        description: `Finding ${i + 1}: the risk assessment was not repeated after the model changed.`,
        nonconformity_id: null,
        ...stamp,
      })),
    )
    .execute();
  return ids;
}

/** Raises manual nonconformities and adds corrective actions through the API, as a manager by default. */
export function ncApi(t: () => TestApp) {
  return {
    async raise(body: object = {}, role: 'manager' | 'contributor' = 'manager') {
      const response = await t().request(role, 'POST', '/api/nonconformities', {
        title: 'Model card missing for the credit model',
        source: 'manual',
        grade: 'minor',
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    async addAction(body: object) {
      const response = await t().request('manager', 'POST', '/api/corrective-actions', {
        title: 'Write the model card',
        dueDate: addDays(todayIso(), 10),
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
  };
}
