import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { toStored } from '../../monitoring/engine/resource-store.js';
import { INTEGRATION_KINDS } from '../../monitoring/integrations/index.js';
import { type Actor, authorize } from '../shared/actor.js';
import { type ListPage, runList } from '../shared/list.js';
import { type Resource, type ResourceListQuery, resourceListSpec } from './schema.js';

function present(row: Parameters<typeof toStored>[0]): Resource {
  const r = toStored(row);
  return {
    id: r.id,
    integrationId: r.integrationId,
    type: r.type,
    externalId: r.externalId,
    name: r.name,
    attributes: r.attributes,
    attributesSha256: r.attributesHash,
    collectedAt: r.collectedAt,
    changedAt: r.changedAt,
  };
}

export function createResourcesService(db: Db) {
  return {
    async list(actor: Actor, query: ResourceListQuery): Promise<ListPage<Resource>> {
      authorize(actor, 'records:read');
      const { rows, total } = await runList(
        db.kysely.selectFrom('resources'),
        resourceListSpec,
        query,
        db.dialect,
        (q) => q.selectAll('resources'),
      );
      return { items: rows.map((r) => present(r as never)), total, limit: query.limit, offset: query.offset };
    },

    async get(actor: Actor, id: string) {
      authorize(actor, 'records:read');
      const row = isUuid(id)
        ? await db.kysely.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst()
        : undefined;
      if (!row) throw new NotFoundError('resource', id);
      const results = await db.kysely
        .selectFrom('test_results')
        .innerJoin('tests', 'tests.id', 'test_results.test_id')
        .select([
          'tests.id',
          'tests.title',
          'tests.severity',
          'test_results.outcome',
          'test_results.reason',
          'test_results.since',
          'test_results.excluded',
          'test_results.flapping',
        ])
        .where('test_results.resource_id', '=', id)
        .orderBy('tests.title')
        .execute();
      return {
        ...present(row),
        results: results.map((r) => ({
          testId: r.id,
          testTitle: r.title,
          severity: r.severity,
          outcome: r.outcome as 'pass',
          reason: r.reason,
          since: r.since,
          excluded: readBool(r.excluded),
          flapping: readBool(r.flapping),
        })),
      };
    },

    types(actor: Actor) {
      authorize(actor, 'records:read');
      return Object.entries(INTEGRATION_KINDS).flatMap(([integration, kind]) =>
        Object.entries(kind?.resourceTypes ?? {}).map(([type, info]) => ({
          type,
          integration,
          description: info.description,
          attributesSchema: z.toJSONSchema(info.attributes, { unrepresentable: 'any' }) as Record<
            string,
            unknown
          >,
          example: info.example,
        })),
      );
    },
  };
}

export type ResourcesService = ReturnType<typeof createResourcesService>;
