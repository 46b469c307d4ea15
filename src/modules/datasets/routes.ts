import { registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { datasetCreateSchema, datasetListQuery, datasetSchema, datasetUpdateSchema } from './schema.js';
import type { DatasetsService } from './service.js';

export function datasetRoutes(app: ZodApp, datasets: DatasetsService): void {
  registerCrudRoutes(app, {
    path: '/api/datasets',
    tag: 'Datasets',
    entity: 'dataset',
    schemas: {
      item: datasetSchema,
      create: datasetCreateSchema,
      update: datasetUpdateSchema,
      query: datasetListQuery,
    },
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    handlers: datasets,
  });
}
