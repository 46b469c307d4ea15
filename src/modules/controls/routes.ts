import { registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { controlCreateSchema, controlListQuery, controlSchema, controlUpdateSchema } from './schema.js';
import type { ControlsService } from './service.js';

export function controlRoutes(app: ZodApp, controls: ControlsService): void {
  registerCrudRoutes(app, {
    path: '/api/controls',
    tag: 'Controls',
    entity: 'control',
    schemas: {
      item: controlSchema,
      create: controlCreateSchema,
      update: controlUpdateSchema,
      query: controlListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: controls,
  });
}
