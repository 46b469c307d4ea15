import type { Db } from '../../db/database.js';
import { ConflictError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { appendTrail } from '../trail/service.js';
import { auditChange, snapshot } from './change.js';
import { addFinding, recordResult } from './checklist.js';
import type { ChecklistUpdate, Finding, FindingCreate } from './checklist-schema.js';
import { describeWarnings, findIndependenceWarnings } from './independence.js';
import { assertNoNonconformities, cancelAudit, completeAudit, startAudit } from './lifecycle.js';
import { mustLoadAudit, presentSummaries } from './load.js';
import { planChecklist, resolveFramework } from './plan.js';
import { DEFAULT_FRAMEWORK } from './programme-schema.js';
import { createProgrammeService } from './programme-service.js';
import { exportAuditReport } from './report.js';
import { deleteAudit, listAudits } from './repository.js';
import type {
  Audit,
  AuditCreate,
  AuditListQuery,
  AuditSummary,
  AuditUpdate,
  IndependenceQuery,
} from './schema.js';
import { createAuditRows, patchAuditRows } from './writes.js';

/**
 * Internal audits (9.2): planning with an independence check, the checklist, findings and the report.
 * `at` on start, complete and results dates them in the past, for audits carried over from earlier records.
 */
export function createAuditsService(db: Db) {
  const change = auditChange(db);

  async function get(actor: Actor, id: string): Promise<Audit> {
    authorize(actor, 'records:read');
    return mustLoadAudit(db.kysely, id);
  }

  return {
    programmes: createProgrammeService(db),
    get,

    async list(actor: Actor, query: AuditListQuery): Promise<ListPage<AuditSummary>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listAudits(db.kysely, db.dialect, query);
      const items = await presentSummaries(db.kysely, rows);
      return { items, total, limit: query.limit, offset: query.offset };
    },

    async create(actor: Actor, input: AuditCreate): Promise<Audit> {
      authorize(actor, 'records:write');
      // The lead auditor is the audit's owner: contributors plan audits they lead themselves.
      assertOwnership(actor, actor.personId, input.leadAuditorId);
      const id = newId();
      return db.transaction(async (trx) => {
        await createAuditRows({ db, trx, now: nowIso() }, id, input);
        const after = await mustLoadAudit(trx, id);
        await appendTrail(db, trx, actor, {
          entityType: 'audit',
          entityId: id,
          action: 'create',
          after: snapshot(after),
        });
        return after;
      });
    },

    update: (actor: Actor, id: string, input: AuditUpdate) =>
      change(actor, id, (trx, before, now) => patchAuditRows({ db, trx, now }, id, input, before), {
        nextLead: input.leadAuditorId,
      }),

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'records:delete');
      await db.transaction(async (trx) => {
        const before = await mustLoadAudit(trx, id);
        if (before.status === 'completed')
          throw new ConflictError('A completed audit is a record of the AIMS and cannot be deleted.');
        assertNoNonconformities(before, 'deleted');
        await deleteAudit(trx, id);
        await appendTrail(db, trx, actor, {
          entityType: 'audit',
          entityId: id,
          action: 'delete',
          before: snapshot(before),
        });
      });
    },

    start: (actor: Actor, id: string, at?: string) =>
      change(actor, id, (trx, before, now) => startAudit(trx, before, now), { conduct: 'lead', at }),
    complete: (actor: Actor, id: string, input: { conclusion: string }, at?: string) =>
      change(actor, id, (trx, before, now) => completeAudit(trx, before, input.conclusion, now), {
        conduct: 'lead',
        at,
      }),
    cancel: (actor: Actor, id: string) =>
      change(actor, id, (trx, before, now) => cancelAudit(trx, before, now)),

    updateChecklistItem: (actor: Actor, id: string, itemId: string, input: ChecklistUpdate, at?: string) =>
      change(
        actor,
        id,
        async (trx, before, now) => {
          await recordResult(trx, actor, before, itemId, input, now);
          return { itemId };
        },
        { conduct: 'team', at },
      ),

    async findings(actor: Actor, id: string): Promise<{ items: Finding[] }> {
      return { items: (await get(actor, id)).findings };
    },

    async addFinding(actor: Actor, id: string, input: FindingCreate): Promise<Finding> {
      let findingId = '';
      const audit = await change(
        actor,
        id,
        async (trx, before, now) => {
          findingId = await addFinding(trx, before, input, now);
          return { findingId };
        },
        { conduct: 'team' },
      );
      return audit.findings.find((f) => f.id === findingId) as Finding;
    },

    /** The same check the create and update run, for the form to warn before anyone submits. */
    async independence(actor: Actor, query: IndependenceQuery) {
      authorize(actor, 'records:write');
      const frameworkId = await resolveFramework(db.kysely, query, DEFAULT_FRAMEWORK);
      const requirements = await planChecklist(db.kysely, {
        frameworkId,
        requirementRefs: query.requirementRefs,
      });
      const people = [...(query.leadAuditorId ? [query.leadAuditorId] : []), ...(query.teamIds ?? [])];
      const ids = requirements.map((r) => r.id);
      const warnings = await findIndependenceWarnings(db.kysely, people, ids);
      return { requirementCount: requirements.length, warnings: await describeWarnings(db.kysely, warnings) };
    },

    async report(actor: Actor, id: string, format: 'pdf' | 'docx') {
      return exportAuditReport(db.kysely, await get(actor, id), format);
    },
  };
}

export type AuditsService = ReturnType<typeof createAuditsService>;
