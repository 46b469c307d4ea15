import { newId } from '../../src/lib/ids.js';
import { nowIso, todayIso } from '../../src/lib/time.js';
import type { TestApp } from './app.js';

/** Rows of the Check and Act tables written directly, for tests that read them without the owning workflow. */
let seq = 0;
const stamp = () => ({ created_at: nowIso(), updated_at: nowIso() });

export async function insertNonconformity(t: TestApp, grade: 'major' | 'minor', status: string) {
  const id = newId();
  seq += 1;
  await t.context.db.kysely
    .insertInto('nonconformities')
    .values({
      id,
      reference: `NC-T-${seq}`,
      ref_year: 1900 + seq,
      ref_number: seq,
      title: `Nonconformity ${seq}`,
      description: '',
      source: 'manual',
      source_id: null,
      requirement_id: null,
      grade,
      status,
      containment: '',
      correction: '',
      root_cause_whys: '[]',
      root_cause: '',
      owner_id: null,
      raised_by: 'test',
      raised_on: todayIso(),
      closed_at: null,
      ...stamp(),
    })
    .execute();
  return id;
}

export async function insertCorrectiveAction(
  t: TestApp,
  dueDate: string,
  status = 'planned',
  nonconformityId: string | null = null,
) {
  const id = newId();
  seq += 1;
  await t.context.db.kysely
    .insertInto('corrective_actions')
    .values({
      id,
      reference: `CA-T-${seq}`,
      ref_year: 1900 + seq,
      ref_number: seq,
      nonconformity_id: nonconformityId,
      incident_id: null,
      title: `Action ${seq}`,
      description: '',
      kind: 'corrective',
      owner_id: null,
      due_date: dueDate,
      status,
      progress: 0,
      investment: null,
      investment_note: '',
      completion_notes: '',
      completed_at: null,
      ...stamp(),
    })
    .execute();
  return id;
}
