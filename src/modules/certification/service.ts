import type { Transaction } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import { defaultExpiry, standardCycle } from './cycle.js';
import { presentCertificate, presentExternalAudit } from './presenter.js';
import { defaultHorizon, readinessChecks } from './readiness.js';
import * as repo from './repository.js';
import type {
  Certification,
  CertificationInput,
  CertificationReadiness,
  ExternalAuditInput,
  ExternalAuditUpdate,
} from './schema.js';
import { certificationState } from './state.js';

export const DEFAULT_FRAMEWORK = 'iso-42001-2023';

/** Counts the in-scope requirements an audit programme neither plans nor has audited. */
export type ProgrammeGaps = (db: Executor, programmeId: string) => Promise<number>;

export function createCertificationService(db: Db, programmeGaps: ProgrammeGaps) {
  async function mustFindAudit(db: Executor, id: string) {
    const row = await repo.findExternalAudit(db, id);
    if (!row) throw new NotFoundError('external audit', id);
    return row;
  }

  async function mustFindCertification(db: Executor) {
    const row = await repo.findCertification(db, DEFAULT_FRAMEWORK);
    if (!row) throw new ConflictError('Record the certification (body, dates) before planning its audits.');
    return row;
  }

  function checkWindow(start: string, end: string) {
    if (end < start) throw ValidationError.field('plannedEnd', 'must not be before plannedStart');
  }

  const read = (executor: Executor, today = todayIso()) =>
    certificationState(executor, DEFAULT_FRAMEWORK, today);

  return {
    async get(actor: Actor): Promise<Certification> {
      authorize(actor, 'records:read');
      return read(db.kysely);
    },

    /** Records or corrects the certificate; the first time it has an issue date, the cycle is planned. */
    async save(actor: Actor, input: CertificationInput): Promise<Certification> {
      authorize(actor, 'aims:configure');
      if (input.frameworkId !== DEFAULT_FRAMEWORK) {
        throw ValidationError.field('frameworkId', `only "${DEFAULT_FRAMEWORK}" is certifiable here`);
      }
      const expiresOn =
        input.expiresOn === undefined
          ? input.issuedOn
            ? defaultExpiry(input.issuedOn)
            : null
          : input.expiresOn;
      if (expiresOn && input.issuedOn && expiresOn <= input.issuedOn) {
        throw ValidationError.field('expiresOn', 'must be after issuedOn');
      }
      if (expiresOn && !input.issuedOn) throw ValidationError.field('issuedOn', 'required with expiresOn');
      return db.transaction(async (trx) => {
        const before = await repo.findCertification(trx, DEFAULT_FRAMEWORK);
        const now = nowIso();
        const fields = {
          body: input.body,
          certificate_number: input.certificateNumber,
          scope: input.scope,
          issued_on: input.issuedOn,
          expires_on: expiresOn,
          updated_at: now,
        };
        const id = before?.id ?? newId();
        if (before) await repo.updateCertification(trx, id, fields);
        else
          await repo.insertCertification(trx, {
            id,
            framework_id: DEFAULT_FRAMEWORK,
            created_at: now,
            ...fields,
          });
        if (input.issuedOn && expiresOn && !before?.issued_on) {
          await planCycle(trx, actor, id, input.issuedOn, expiresOn);
        }
        const after = await read(trx);
        await appendTrail(db, trx, actor, {
          entityType: 'certification',
          entityId: id,
          action: before ? 'update' : 'create',
          before: before ? presentCertificate(before, todayIso()) : undefined,
          after: after.certification,
        });
        return after;
      });
    },

    /** Adds the standard surveillance and recertification audits the cycle is still missing. */
    async planCycle(actor: Actor): Promise<Certification> {
      authorize(actor, 'aims:configure');
      return db.transaction(async (trx) => {
        const row = await mustFindCertification(trx);
        if (!row.issued_on || !row.expires_on) {
          throw new ConflictError('The cycle starts at the certification decision: record issuedOn first.');
        }
        await planCycle(trx, actor, row.id, row.issued_on, row.expires_on);
        return read(trx);
      });
    },

    async addExternalAudit(actor: Actor, input: ExternalAuditInput) {
      authorize(actor, 'aims:configure');
      checkWindow(input.plannedStart, input.plannedEnd);
      return db.transaction(async (trx) => {
        const certification = await mustFindCertification(trx);
        const id = newId();
        const now = nowIso();
        await repo.insertExternalAudit(trx, externalRow(id, certification.id, input, now));
        const after = presentExternalAudit(await mustFindAudit(trx, id));
        await appendTrail(db, trx, actor, {
          entityType: 'external_audit',
          entityId: id,
          action: 'create',
          after,
        });
        return after;
      });
    },

    async updateExternalAudit(actor: Actor, id: string, input: ExternalAuditUpdate) {
      authorize(actor, 'aims:configure');
      return db.transaction(async (trx) => {
        const existing = await mustFindAudit(trx, id);
        checkWindow(input.plannedStart ?? existing.planned_start, input.plannedEnd ?? existing.planned_end);
        await repo.updateExternalAudit(trx, id, {
          kind: input.kind,
          planned_start: input.plannedStart,
          planned_end: input.plannedEnd,
          status: input.status,
          lead_auditor: input.leadAuditor,
          result: input.result,
          updated_at: nowIso(),
        });
        const after = presentExternalAudit(await mustFindAudit(trx, id));
        await appendTrail(db, trx, actor, {
          entityType: 'external_audit',
          entityId: id,
          action: 'update',
          before: presentExternalAudit(existing),
          after,
        });
        return after;
      });
    },

    async removeExternalAudit(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'aims:configure');
      await db.transaction(async (trx) => {
        const existing = await mustFindAudit(trx, id);
        await repo.deleteExternalAudit(trx, id);
        await appendTrail(db, trx, actor, {
          entityType: 'external_audit',
          entityId: id,
          action: 'delete',
          before: presentExternalAudit(existing),
        });
      });
    },

    async readiness(actor: Actor, now = new Date()): Promise<CertificationReadiness> {
      authorize(actor, 'records:read');
      const today = todayIso(now);
      const { nextExternalAudit: target } = await read(db.kysely, today);
      const checks = await readinessChecks(db.kysely, {
        frameworkId: DEFAULT_FRAMEWORK,
        today,
        now: now.toISOString(),
        until: target?.plannedStart ?? defaultHorizon(today),
        programmeGaps: (programmeId) => programmeGaps(db.kysely, programmeId),
      });
      const summary = { pass: 0, warning: 0, fail: 0 };
      for (const c of checks) summary[c.status] += 1;
      return {
        computedAt: now.toISOString(),
        target: target
          ? { externalAuditId: target.id, label: target.label, plannedStart: target.plannedStart }
          : null,
        ready: summary.fail === 0,
        summary,
        checks,
      };
    },
  };

  async function planCycle(
    trx: Transaction<DB>,
    actor: Actor,
    certificationId: string,
    issuedOn: string,
    expiresOn: string,
  ) {
    const now = nowIso();
    const existing = new Set((await repo.listExternalAudits(trx, certificationId)).map((a) => a.kind));
    for (const planned of standardCycle(issuedOn, expiresOn)) {
      if (existing.has(planned.kind)) continue;
      const id = newId();
      await repo.insertExternalAudit(
        trx,
        externalRow(id, certificationId, { ...planned, status: 'planned', leadAuditor: '', result: '' }, now),
      );
      const after = presentExternalAudit(await mustFindAudit(trx, id));
      await appendTrail(db, trx, actor, {
        entityType: 'external_audit',
        entityId: id,
        action: 'create',
        after,
      });
    }
  }
}

function externalRow(id: string, certificationId: string, input: ExternalAuditInput, now: string) {
  return {
    id,
    certification_id: certificationId,
    kind: input.kind,
    planned_start: input.plannedStart,
    planned_end: input.plannedEnd,
    status: input.status,
    lead_auditor: input.leadAuditor,
    result: input.result,
    created_at: now,
    updated_at: now,
  };
}

export type CertificationService = ReturnType<typeof createCertificationService>;
