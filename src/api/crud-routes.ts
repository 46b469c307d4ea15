import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '../modules/auth/permissions.js';
import type { Actor } from '../modules/shared/actor.js';
import { idParams } from '../modules/shared/fields.js';
import { type ListPage, listPageSchema } from '../modules/shared/list.js';
import { problemSchema } from './openapi-schemas.js';
import type { ZodApp } from './types.js';

export interface CrudRouteOptions<Item, Create, Update, Query> {
  path: string;
  tag: string;
  entity: string;
  schemas: {
    item: z.ZodType<Item>;
    create: z.ZodType<Create>;
    update: z.ZodType<Update>;
    query: z.ZodType<Query>;
  };
  permissions: { read: Permission; write: Permission; delete: Permission };
  handlers: {
    list(actor: Actor, query: Query): Promise<ListPage<Item>>;
    get(actor: Actor, id: string): Promise<Item>;
    create(actor: Actor, body: Create): Promise<Item>;
    update(actor: Actor, id: string, body: Update): Promise<Item>;
    remove(actor: Actor, id: string): Promise<void>;
  };
}

export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** The five routes every register has, with the same contract, docs and permission declarations. */
export function registerCrudRoutes<Item, Create, Update, Query>(
  zodApp: ZodApp,
  options: CrudRouteOptions<Item, Create, Update, Query>,
): void {
  const { path, tag, entity, schemas, permissions, handlers } = options;
  const byId = `${path}/:id`;
  // Generic over the register's schemas, so the zod type provider cannot infer here; validation still
  // runs through the zod compilers set on the app, and each handler is typed by the options above.
  const app = zodApp as unknown as FastifyInstance;

  app.get(path, {
    config: { permission: permissions.read },
    schema: {
      tags: [tag],
      summary: `List ${entity} records`,
      querystring: schemas.query,
      response: { 200: listPageSchema(schemas.item), ...errorResponses },
    },
    handler: (request) => handlers.list(request.actor, request.query as Query),
  });

  app.get(byId, {
    config: { permission: permissions.read },
    schema: {
      tags: [tag],
      summary: `Read one ${entity}`,
      params: idParams,
      response: { 200: schemas.item, ...errorResponses },
    },
    handler: (request) => handlers.get(request.actor, idOf(request)),
  });

  app.post(path, {
    config: { permission: permissions.write },
    schema: {
      tags: [tag],
      summary: `Create a ${entity}`,
      body: schemas.create,
      response: { 201: schemas.item, ...errorResponses },
    },
    handler: async (request, reply) => {
      const created = await handlers.create(request.actor, request.body as Create);
      return reply.status(201).send(created);
    },
  });

  app.patch(byId, {
    config: { permission: permissions.write },
    schema: {
      tags: [tag],
      summary: `Update a ${entity}`,
      params: idParams,
      body: schemas.update,
      response: { 200: schemas.item, ...errorResponses },
    },
    handler: (request) => handlers.update(request.actor, idOf(request), request.body as Update),
  });

  app.delete(byId, {
    config: { permission: permissions.delete },
    schema: { tags: [tag], summary: `Delete a ${entity}`, params: idParams, response: { ...errorResponses } },
    handler: async (request, reply) => {
      await handlers.remove(request.actor, idOf(request));
      return reply.status(204).send();
    },
  });
}
