import type { ZodApp } from '../../api/types.js';
import type { ObjectivesService } from './service.js';

// Placeholder while the module is being built.
export function objectiveRoutes(_app: ZodApp, _service: ObjectivesService): void {}
