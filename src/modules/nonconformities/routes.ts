import type { ZodApp } from '../../api/types.js';
import type { NonconformitiesService } from './service.js';

// Placeholder while the module is being built.
export function nonconformityRoutes(_app: ZodApp, _service: NonconformitiesService): void {}
