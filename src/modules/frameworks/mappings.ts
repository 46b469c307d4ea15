import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { FRAMEWORK_IDS, RELATIONSHIPS } from '../../content/frameworks.js';
import type { Db } from '../../db/database.js';
import { type Actor, authorize } from '../shared/actor.js';

export const mappingQuerySchema = z
  .object({ from: z.enum(FRAMEWORK_IDS), to: z.enum(FRAMEWORK_IDS) })
  .strict();

const side = z.object({ ref: z.string(), title: z.string() });
export const mappingListSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    direct: z
      .array(z.object({ from: side, to: side, relationship: z.enum(RELATIONSHIPS), rationale: z.string() }))
      .describe('Our indicative framework-to-framework analysis (content/mappings).'),
    viaControls: z
      .array(z.object({ from: side, to: side, controlIds: z.array(z.string()) }))
      .describe('Live links: requirement pairs served by the same adopted common control.'),
  })
  .meta({ id: 'FrameworkMappings' });

const INVERSE: Record<string, string> = {
  equal: 'equal',
  subset: 'superset',
  superset: 'subset',
  intersect: 'intersect',
};

/** Cross-framework mappings: the content's direct analysis (read in either direction) and live links via controls. */
export function createMappingsService(db: Db) {
  return {
    async list(actor: Actor, from: string, to: string): Promise<z.infer<typeof mappingListSchema>> {
      authorize(actor, 'records:read');
      const requirements = await db.kysely
        .selectFrom('requirements')
        .select(['id', 'ref', 'title', 'framework_id', 'position'])
        .where('framework_id', 'in', [from, to])
        .execute();
      const byId = new Map(requirements.map((r) => [r.id, r]));
      const sideOf = (id: string) => ({ ref: byId.get(id)?.ref ?? '', title: byId.get(id)?.title ?? '' });
      const inFramework = (id: string, framework: string) => byId.get(id)?.framework_id === framework;
      const rows = await db.kysely.selectFrom('framework_mappings').selectAll().execute();
      const direct = rows.flatMap((m) => {
        if (inFramework(m.from_requirement_id, from) && inFramework(m.to_requirement_id, to)) {
          return [
            {
              from: sideOf(m.from_requirement_id),
              to: sideOf(m.to_requirement_id),
              relationship: m.relationship,
              rationale: m.rationale,
            },
          ];
        }
        if (from !== to && inFramework(m.from_requirement_id, to) && inFramework(m.to_requirement_id, from)) {
          return [
            {
              from: sideOf(m.to_requirement_id),
              to: sideOf(m.from_requirement_id),
              relationship: INVERSE[m.relationship] ?? 'intersect',
              rationale: m.rationale,
            },
          ];
        }
        return [];
      }) as z.infer<typeof mappingListSchema>['direct'];

      const edges = await db.kysely
        .selectFrom('control_mappings')
        .innerJoin('controls', 'controls.id', 'control_mappings.control_id')
        .innerJoin('requirements', 'requirements.id', 'control_mappings.requirement_id')
        .select([
          'control_mappings.control_id',
          'control_mappings.requirement_id',
          'requirements.framework_id',
        ])
        .where('requirements.framework_id', 'in', [from, to])
        .where('controls.adopted', '=', db.dialect.bool(true))
        .execute();
      const pairs = new Map<string, { from: string; to: string; controlIds: string[] }>();
      const byControl = new Map<string, typeof edges>();
      for (const edge of edges)
        byControl.set(edge.control_id, [...(byControl.get(edge.control_id) ?? []), edge]);
      for (const [controlId, list] of byControl) {
        for (const a of list.filter((e) => e.framework_id === from)) {
          for (const b of list.filter(
            (e) => e.framework_id === to && e.requirement_id !== a.requirement_id,
          )) {
            const key = `${a.requirement_id}|${b.requirement_id}`;
            const pair = pairs.get(key) ?? { from: a.requirement_id, to: b.requirement_id, controlIds: [] };
            pair.controlIds.push(controlId);
            pairs.set(key, pair);
          }
        }
      }
      const position = (id: string) => byId.get(id)?.position ?? 0;
      const viaControls = [...pairs.values()]
        .sort((a, b) => position(a.from) - position(b.from) || position(a.to) - position(b.to))
        .map((p) => ({ from: sideOf(p.from), to: sideOf(p.to), controlIds: p.controlIds.sort() }));
      direct.sort((a, b) => a.from.ref.localeCompare(b.from.ref, 'en', { numeric: true }));
      return { from, to, direct, viaControls };
    },
  };
}

export type MappingsService = ReturnType<typeof createMappingsService>;

export function mappingRoutes(app: ZodApp, mappings: MappingsService): void {
  app.get('/api/mappings', {
    config: { permission: 'records:read' },
    schema: {
      tags: ['Frameworks'],
      summary: 'How two frameworks map: our direct analysis and live links through common controls',
      querystring: mappingQuerySchema,
      response: { 200: mappingListSchema, ...errorResponses },
    },
    handler: (request) => mappings.list(request.actor, request.query.from, request.query.to),
  });
}
