import type { Executor } from '../../db/database.js';
import { type Dialect, readBool } from '../../db/dialect.js';
import type { ChangeRequestsTable } from '../../db/schema-change-management.js';
import { type ListQuery, runList } from '../shared/list.js';
import { describeSignoff } from './rules.js';
import { type Change, type ChangeStatus, changeListSpec } from './schema.js';

type Row = ChangeRequestsTable & { system_name: string };

const base = (db: Executor) =>
  db.selectFrom('change_requests').innerJoin('ai_systems', 'ai_systems.id', 'change_requests.ai_system_id');
const columns = (q: ReturnType<typeof base>) =>
  q.selectAll('change_requests').select('ai_systems.name as system_name');

async function present(db: Executor, rows: Row[]): Promise<Change[]> {
  const ids = rows.map((r) => r.id);
  const signed =
    ids.length === 0
      ? []
      : await db.selectFrom('change_signoffs').selectAll().where('change_request_id', 'in', ids).execute();
  const out: Change[] = [];
  for (const r of rows) {
    const required = JSON.parse(r.required_signoffs) as string[];
    const signoffs = [];
    for (const requirement of required) {
      const s = signed.find((x) => x.change_request_id === r.id && x.requirement === requirement);
      signoffs.push({
        requirement,
        label: await describeSignoff(db, requirement),
        decision: (s?.decision ?? 'pending') as 'pending' | 'approve' | 'reject',
        signedBy: s?.signer_label ?? null,
        comment: s?.comment ?? '',
        signedAt: s?.signed_at ?? null,
      });
    }
    out.push({
      id: r.id,
      reference: r.reference,
      aiSystemId: r.ai_system_id,
      aiSystemName: r.system_name,
      type: r.type as Change['type'],
      title: r.title,
      description: r.description,
      material: readBool(r.material),
      status: r.status as ChangeStatus,
      requestedBy: r.requested_by,
      requesterId: r.requester_id,
      signoffs,
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
      implementedOn: r.implemented_on,
      implementedBy: r.implemented_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  }
  return out;
}

export async function loadChange(db: Executor, id: string): Promise<Change | undefined> {
  const row = (await columns(base(db)).where('change_requests.id', '=', id).executeTakeFirst()) as
    | Row
    | undefined;
  return row && (await present(db, [row]))[0];
}

export async function listChanges(db: Executor, dialect: Dialect, query: ListQuery) {
  const { rows, total } = await runList<Row>(base(db), changeListSpec, query, dialect, columns as never);
  return { items: await present(db, rows), total };
}

/** CR-<year>-<nnn>, numbered per year in the order requests are raised. */
export async function nextReference(db: Executor, now: string): Promise<string> {
  const prefix = `CR-${now.slice(0, 4)}-`;
  const last = await db
    .selectFrom('change_requests')
    .select('reference')
    .where('reference', 'like', `${prefix}%`)
    .orderBy('reference', 'desc')
    .executeTakeFirst();
  const n = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(3, '0')}`;
}
