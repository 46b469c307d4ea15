import { registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { aiSystemCreateSchema, aiSystemListQuery, aiSystemSchema, aiSystemUpdateSchema } from './schema.js';
import type { AiSystemsService } from './service.js';

export function aiSystemRoutes(app: ZodApp, aiSystems: AiSystemsService): void {
  registerCrudRoutes(app, {
    path: '/api/ai-systems',
    tag: 'AI systems',
    entity: 'AI system',
    schemas: {
      item: aiSystemSchema,
      create: aiSystemCreateSchema,
      update: aiSystemUpdateSchema,
      query: aiSystemListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: aiSystems,
  });
}
