import { registerCrudRoutes } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import { userCreateSchema, userListQuery, userSchema, userUpdateSchema } from './schema.js';
import type { UsersService } from './service.js';

export function userRoutes(app: ZodApp, users: UsersService): void {
  registerCrudRoutes(app, {
    path: '/api/users',
    tag: 'Users',
    entity: 'user',
    schemas: { item: userSchema, create: userCreateSchema, update: userUpdateSchema, query: userListQuery },
    permissions: { read: 'users:manage', write: 'users:manage', delete: 'users:manage' },
    handlers: users,
  });
}
