import { registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { vendorCreateSchema, vendorListQuery, vendorSchema, vendorUpdateSchema } from './schema.js';
import type { VendorsService } from './service.js';

export function vendorRoutes(app: ZodApp, vendors: VendorsService): void {
  registerCrudRoutes(app, {
    path: '/api/vendors',
    tag: 'Vendors',
    entity: 'vendor',
    schemas: {
      item: vendorSchema,
      create: vendorCreateSchema,
      update: vendorUpdateSchema,
      query: vendorListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: vendors,
  });
}
