import type { Db, Executor } from '../../db/database.js';
import { nowIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { createRegisterService } from '../shared/register-service.js';
import { appendTrail } from '../trail/service.js';
import { bandFor, type MatrixConfig, readMatrixConfig, writeMatrixConfig } from './matrix-config.js';
import { presentRisk } from './presenter.js';
import {
  aiSystemIdsOf,
  countByCell,
  deleteRisk,
  findRisk,
  insertRisk,
  listRisks,
  updateRisk,
} from './repository.js';
import type { Matrix, MatrixQuery, Risk, RiskCreate, RiskListQuery, RiskUpdate } from './schema.js';
import { resolveRiskValues } from './values.js';

async function loadRisk(db: Executor, id: string): Promise<Risk | undefined> {
  const row = await findRisk(db, id);
  return row && presentRisk(row, await aiSystemIdsOf(db, [id]), await readMatrixConfig(db));
}

export function createRisksService(db: Db) {
  const register = createRegisterService<RiskCreate, RiskUpdate, Risk>(db, {
    entityType: 'risk',
    label: 'risk',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load: loadRisk,
    insert: async (trx, id, input, now) =>
      insertRisk(trx, id, await resolveRiskValues(trx, input), input.aiSystemIds ?? [], now),
    patch: async (trx, id, input, now, existing) =>
      updateRisk(trx, id, await resolveRiskValues(trx, input, existing), input.aiSystemIds, now),
    remove: deleteRisk,
  });

  return {
    ...register,

    async list(actor: Actor, query: RiskListQuery): Promise<ListPage<Risk>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listRisks(db.kysely, db.dialect, query);
      const [systems, matrix] = await Promise.all([
        aiSystemIdsOf(
          db.kysely,
          rows.map((r) => r.id),
        ),
        readMatrixConfig(db.kysely),
      ]);
      return {
        items: rows.map((row) => presentRisk(row, systems, matrix)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    /** All 25 cells, empty ones included, so a heat map can be drawn straight from the answer. */
    async matrix(actor: Actor, query: MatrixQuery): Promise<Matrix> {
      authorize(actor, 'records:read');
      const [config, counts] = await Promise.all([
        readMatrixConfig(db.kysely),
        countByCell(db.kysely, query),
      ]);
      const countOf = new Map(counts.map((c) => [`${c.likelihood}:${c.impact}`, Number(c.count)]));
      const cells = config.likelihoodLevels.flatMap((l) =>
        config.impactLevels.map((i) => {
          const score = l.value * i.value;
          return {
            likelihood: l.value,
            impact: i.value,
            score,
            level: bandFor(config, score),
            withinAppetite: score <= config.appetiteThreshold,
            count: countOf.get(`${l.value}:${i.value}`) ?? 0,
          };
        }),
      );
      return {
        basis: query.basis,
        likelihoodLevels: config.likelihoodLevels,
        impactLevels: config.impactLevels,
        appetiteThreshold: config.appetiteThreshold,
        cells,
        total: cells.reduce((sum, c) => sum + c.count, 0),
      };
    },

    async matrixConfig(actor: Actor): Promise<MatrixConfig> {
      authorize(actor, 'records:read');
      return readMatrixConfig(db.kysely);
    },

    async setMatrixConfig(actor: Actor, config: MatrixConfig): Promise<MatrixConfig> {
      authorize(actor, 'aims:configure');
      return db.transaction(async (trx) => {
        const before = await readMatrixConfig(trx);
        await writeMatrixConfig(trx, config, nowIso());
        await appendTrail(db, trx, actor, {
          entityType: 'setting',
          entityId: 'risk_matrix',
          action: 'update',
          before,
          after: config,
        });
        return config;
      });
    },
  };
}

export type RisksService = ReturnType<typeof createRisksService>;
