import { registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { aimsRoleCreateSchema, aimsRoleListQuery, aimsRoleSchema, aimsRoleUpdateSchema } from './schema.js';
import type { AimsRolesService } from './service.js';

export function aimsRoleRoutes(app: ZodApp, roles: AimsRolesService): void {
  registerCrudRoutes(app, {
    path: '/api/aims-roles',
    tag: 'AIMS roles',
    entity: 'AIMS role',
    schemas: {
      item: aimsRoleSchema,
      create: aimsRoleCreateSchema,
      update: aimsRoleUpdateSchema,
      query: aimsRoleListQuery,
    },
    permissions: { read: 'records:read', write: 'aims:configure', delete: 'aims:configure' },
    handlers: roles,
  });
}
