import type { ZodApp } from '../../api/types.js';
import type { PdcaService } from './service.js';

// Placeholder while the module is being built.
export function pdcaRoutes(_app: ZodApp, _service: PdcaService): void {}
