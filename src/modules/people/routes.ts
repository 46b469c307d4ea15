import { registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { peopleListQuery, personCreateSchema, personSchema, personUpdateSchema } from './schema.js';
import type { PeopleService } from './service.js';

export function peopleRoutes(app: ZodApp, people: PeopleService): void {
  registerCrudRoutes(app, {
    path: '/api/people',
    tag: 'People',
    entity: 'person',
    schemas: {
      item: personSchema,
      create: personCreateSchema,
      update: personUpdateSchema,
      query: peopleListQuery,
    },
    permissions: { read: 'records:read', write: 'people:write', delete: 'people:write' },
    handlers: people,
  });
}
