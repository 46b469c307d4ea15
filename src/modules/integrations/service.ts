import type { Db, Executor } from '../../db/database.js';
import { ConflictError, parseField, ValidationError } from '../../lib/errors.js';
import { nowIso } from '../../lib/time.js';
import { upsertResources } from '../../monitoring/engine/resource-store.js';
import { importCsv } from '../../monitoring/integrations/csv/index.js';
import { INTEGRATION_KINDS } from '../../monitoring/integrations/index.js';
import type { CollectedResource } from '../../monitoring/integrations/integration.js';
import type { Monitor } from '../../monitoring/monitor.js';
import { seal } from '../../monitoring/secrets-box.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { runList } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { appendTrail } from '../trail/service.js';
import { presentIntegration } from './presenter.js';
import {
  type Integration,
  type IntegrationCreate,
  type IntegrationListQuery,
  type IntegrationUpdate,
  integrationListSpec,
  type PushBatch,
} from './schema.js';

async function load(db: Executor, id: string): Promise<Integration | undefined> {
  const row = await db.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && presentIntegration(row);
}

function kindOf(name: string) {
  const kind = INTEGRATION_KINDS[name];
  if (!kind) throw ValidationError.field('kind', `this server has no "${name}" integration`);
  return kind;
}

export function createIntegrationsService(db: Db, monitor: Monitor, secret: string) {
  const sealSecrets = (kindName: string, secrets: Record<string, unknown> | null | undefined) => {
    if (!secrets) return null;
    const parsed = parseField(kindOf(kindName).secretsSchema, secrets, 'secrets');
    return Object.keys(parsed as object).length === 0 ? null : seal(parsed, secret);
  };

  const register = createRegisterService<IntegrationCreate, IntegrationUpdate, Integration>(db, {
    entityType: 'integration',
    label: 'integration',
    permissions: { read: 'records:read', write: 'aims:configure', delete: 'aims:configure' },
    load,
    async validate(executor, input, existing) {
      const kindName = existing?.kind ?? input.kind;
      if (!kindName) return;
      const kind = kindOf(kindName);
      if (input.config !== undefined) parseField(kind.configSchema, input.config, 'config');
      if (!existing && kindName === 'aims') {
        const other = await executor
          .selectFrom('integrations')
          .select('id')
          .where('kind', '=', 'aims')
          .executeTakeFirst();
        if (other)
          throw new ConflictError('There is already an integration for the OpenAIMS records.', 'kind');
      }
      await assertReferences(executor, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
    },
    async insert(trx, id, input, now) {
      const kind = kindOf(input.kind);
      await trx
        .insertInto('integrations')
        .values({
          id,
          kind: input.kind,
          name: input.name,
          config: JSON.stringify(parseField(kind.configSchema, input.config, 'config')),
          secrets: sealSecrets(input.kind, input.secrets),
          schedule: input.schedule ?? kind.defaultSchedule,
          enabled: db.dialect.bool(input.enabled),
          owner_id: input.ownerId ?? null,
          next_sync_at: null,
          last_sync_at: null,
          last_success_at: null,
          last_error: null,
          last_error_at: null,
          resource_count: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    },
    async patch(trx, id, input, now, existing) {
      const kind = kindOf(existing.kind);
      await trx
        .updateTable('integrations')
        .set({
          ...(input.name !== undefined && { name: input.name }),
          ...(input.config !== undefined && {
            config: JSON.stringify(parseField(kind.configSchema, input.config, 'config')),
          }),
          ...(input.secrets !== undefined && { secrets: sealSecrets(existing.kind, input.secrets) }),
          ...(input.schedule !== undefined && { schedule: input.schedule, next_sync_at: null }),
          ...(input.enabled !== undefined && { enabled: db.dialect.bool(input.enabled) }),
          ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },
    async remove(trx, id, existing) {
      if (existing.kind === 'aims') {
        throw new ConflictError('The OpenAIMS records integration cannot be deleted; disable it instead.');
      }
      await trx.deleteFrom('integrations').where('id', '=', id).execute();
    },
  });

  async function receive(
    actor: Actor,
    id: string,
    kindName: 'push' | 'csv',
    items: CollectedResource[],
    complete: boolean,
  ) {
    authorize(actor, 'records:write');
    const integration = await register.get(actor, id);
    if (integration.kind !== kindName) {
      throw new ConflictError(
        `Integration "${integration.name}" is a ${integration.kind} integration, not ${kindName}.`,
      );
    }
    const outcome = await db.transaction(async (trx) => {
      const result = await upsertResources(trx, id, items, nowIso(), { complete });
      const count = await trx
        .selectFrom('resources')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('integration_id', '=', id)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('integrations')
        .set({
          resource_count: Number(count.n),
          last_sync_at: nowIso(),
          last_success_at: nowIso(),
          last_error: null,
        })
        .where('id', '=', id)
        .execute();
      await appendTrail(db, trx, actor, {
        entityType: 'integration_batch',
        entityId: id,
        action: 'update',
        after: { received: items.length, changed: result.changed.length, removed: result.removed.length },
      });
      return result;
    });
    const runs = await monitor.evaluateChanges(
      { integrationId: id, ok: true, error: null, collected: items.length, ...outcome },
      'sync',
    );
    return { outcome, runs };
  }

  return {
    ...register,

    async list(actor: Actor, query: IntegrationListQuery): Promise<ListPage<Integration>> {
      authorize(actor, 'records:read');
      const base = db.kysely.selectFrom('integrations');
      const { rows, total } = await runList(base, integrationListSpec, query, db.dialect, (q) =>
        q.selectAll(),
      );
      return {
        items: rows.map((r) => presentIntegration(r as never)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    async sync(actor: Actor, id: string) {
      authorize(actor, 'aims:configure');
      await register.get(actor, id);
      const result = await monitor.syncIntegration(id, 'manual');
      return {
        ok: result.ok,
        error: result.error,
        collected: result.collected,
        changed: result.changed.length,
        removed: result.removed.length,
        testsRun: result.runs.length,
      };
    },

    /** A pipeline's batch: every item is checked against its type's schema first; one bad item refuses all. */
    async push(actor: Actor, id: string, batch: PushBatch) {
      const integration = await register.get(actor, id);
      const allowed = new Set((integration.config.resourceTypes as string[] | undefined) ?? []);
      const kind = kindOf('push');
      const errors: Array<{ field: string; message: string }> = [];
      const items = batch.resources.map((item, index) => {
        const type = kind.resourceTypes[item.type];
        if (!type || (integration.kind === 'push' && !allowed.has(item.type))) {
          errors.push({
            field: `resources.${index}.type`,
            message: `not accepted here; use one of: ${[...allowed].join(', ')}`,
          });
          return item;
        }
        const parsed = type.attributes.safeParse(item.attributes);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            errors.push({
              field: ['resources', index, 'attributes', ...issue.path].join('.'),
              message: issue.message,
            });
          }
        }
        return item;
      });
      if (errors.length > 0)
        throw new ValidationError(
          errors.slice(0, 50),
          `The batch was refused: ${errors[0]?.field}: ${errors[0]?.message}`,
        );
      const { outcome, runs } = await receive(actor, id, 'push', items, batch.complete);
      return {
        accepted: items.length,
        changed: outcome.changed.length,
        unchanged: outcome.unchanged,
        removed: outcome.removed.length,
        testsRun: runs.length,
      };
    },

    /** A CSV upload replaces the integration's list; rejected rows are reported, accepted ones stored. */
    async importCsv(actor: Actor, id: string, text: string) {
      const integration = await register.get(actor, id);
      if (integration.kind !== 'csv')
        throw new ConflictError(`Integration "${integration.name}" is not a csv integration.`);
      const config = parseField(kindOf('csv').configSchema, integration.config, 'config');
      const report = importCsv(config as never, text);
      const { outcome } = await receive(actor, id, 'csv', report.resources, true);
      return {
        totalRows: report.totalRows,
        accepted: report.accepted,
        changed: outcome.changed.length,
        removed: outcome.removed.length,
        rejected: report.rejected,
      };
    },
  };
}

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
