import type { Db, Executor } from '../../db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { addDays, addMonths, nowIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { appendTrail } from '../trail/service.js';
import { programmeCoverage } from './coverage.js';
import { presentProgramme } from './programme-presenter.js';
import {
  deleteProgramme,
  findProgramme,
  frameworkExists,
  insertProgramme,
  listProgrammes,
  type ProgrammeRow,
  updateProgramme,
} from './programme-repository.js';
import {
  type Coverage,
  DEFAULT_FRAMEWORK,
  type Programme,
  type ProgrammeCreate,
  type ProgrammeListQuery,
  type ProgrammeUpdate,
} from './programme-schema.js';

/** A certification cycle runs three years: the default end, and the longest a programme may plan for. */
const cycleEndFor = (start: string) => addDays(addMonths(start, 36), -1);

async function present(db: Executor, row: ProgrammeRow): Promise<Programme> {
  return presentProgramme(row, (await programmeCoverage(db, row.id)).totals);
}

export async function loadProgramme(db: Executor, id: string): Promise<Programme | undefined> {
  const row = isUuid(id) ? await findProgramme(db, id) : undefined;
  return row && present(db, row);
}

async function validate(db: Executor, input: Partial<ProgrammeCreate>, existing?: Programme) {
  if (existing?.status === 'closed')
    throw new ConflictError('The audit programme is closed; its record can no longer change.');
  await assertReferences(db, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
  if (input.frameworkId !== undefined && !(await frameworkExists(db, input.frameworkId)))
    throw ValidationError.field('frameworkId', `no framework with id "${input.frameworkId}"`);
  if (existing && input.frameworkId && input.frameworkId !== existing.frameworkId && existing.auditCount > 0)
    throw new ConflictError('The programme already has audits; its framework cannot change.', 'frameworkId');
  const start = input.cycleStart ?? existing?.cycleStart;
  const end = input.cycleEnd ?? (input.cycleStart ? cycleEndFor(input.cycleStart) : existing?.cycleEnd);
  if (start && end && end <= start) throw ValidationError.field('cycleEnd', 'must be after cycleStart');
  if (start && end && end > cycleEndFor(start))
    throw ValidationError.field('cycleEnd', 'a certification cycle spans at most three years');
}

/** The internal audit programme (9.2.2): which audits, when, over one certification cycle. */
export function createProgrammeService(db: Db) {
  const register = createRegisterService<ProgrammeCreate, ProgrammeUpdate, Programme>(db, {
    entityType: 'audit_programme',
    label: 'audit programme',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: loadProgramme,
    validate,
    insert: (trx, id, input, now) =>
      insertProgramme(trx, {
        id,
        name: input.name,
        framework_id: input.frameworkId ?? DEFAULT_FRAMEWORK,
        cycle_start: input.cycleStart,
        cycle_end: input.cycleEnd ?? cycleEndFor(input.cycleStart),
        objectives: input.objectives ?? '',
        status: 'draft',
        owner_id: input.ownerId ?? null,
        approved_by: null,
        approved_at: null,
        created_at: now,
        updated_at: now,
      }),
    patch: (trx, id, input, now, existing) =>
      updateProgramme(trx, id, {
        name: input.name,
        framework_id: input.frameworkId,
        cycle_start: input.cycleStart,
        // Moving the start without naming an end keeps a full cycle.
        cycle_end:
          input.cycleEnd ??
          (input.cycleStart && input.cycleStart !== existing.cycleStart
            ? cycleEndFor(input.cycleStart)
            : undefined),
        objectives: input.objectives,
        owner_id: input.ownerId,
        updated_at: now,
      }),
    async remove(trx, id, existing) {
      if (existing.auditCount > 0)
        throw new ConflictError(
          `The programme has ${existing.auditCount} audit(s); delete or move them before deleting it.`,
        );
      await deleteProgramme(trx, id);
    },
  });

  async function mustLoad(executor: Executor, id: string): Promise<Programme> {
    const programme = await loadProgramme(executor, id);
    if (!programme) throw new NotFoundError('audit programme', id);
    return programme;
  }

  /** Approve or close: a management decision, recorded with who took it. */
  async function decide(actor: Actor, id: string, from: Programme['status'], to: Programme['status']) {
    authorize(actor, 'aims:configure');
    return db.transaction(async (trx) => {
      const before = await mustLoad(trx, id);
      if (before.status !== from)
        throw new ConflictError(
          `The audit programme is ${before.status}; only a ${from} programme can be ${to}.`,
        );
      const now = nowIso();
      await updateProgramme(trx, id, {
        status: to,
        ...(to === 'approved' ? { approved_by: actor.personId, approved_at: now } : {}),
        updated_at: now,
      });
      const after = await mustLoad(trx, id);
      await appendTrail(db, trx, actor, {
        entityType: 'audit_programme',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  return {
    ...register,

    async list(actor: Actor, query: ProgrammeListQuery): Promise<ListPage<Programme>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listProgrammes(db.kysely, db.dialect, query);
      const items = await Promise.all(rows.map((row) => present(db.kysely, row)));
      return { items, total, limit: query.limit, offset: query.offset };
    },

    approve: (actor: Actor, id: string) => decide(actor, id, 'draft', 'approved'),
    close: (actor: Actor, id: string) => decide(actor, id, 'approved', 'closed'),

    async coverage(actor: Actor, id: string): Promise<Coverage> {
      authorize(actor, 'records:read');
      if (!isUuid(id)) throw new NotFoundError('audit programme', id);
      return programmeCoverage(db.kysely, id);
    },
  };
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;
