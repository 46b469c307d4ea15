import type { ZodApp } from '../../api/types.js';
import type { ManagementReviewsService } from './service.js';

// Placeholder while the module is being built.
export function managementReviewRoutes(_app: ZodApp, _service: ManagementReviewsService): void {}
