import type { ZodApp } from '../../api/types.js';
import type { CertificationService } from './service.js';

// Placeholder while the module is being built.
export function certificationRoutes(_app: ZodApp, _service: CertificationService): void {}
