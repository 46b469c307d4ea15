import type { ZodApp } from '../../api/types.js';
import type { AuditsService } from './service.js';

// Placeholder while the module is being built.
export function auditRoutes(_app: ZodApp, _service: AuditsService): void {}
