import type { ZodApp } from '../../api/types.js';
import type { MonitoringPlanService } from './service.js';

// Placeholder while the module is being built.
export function monitoringPlanRoutes(_app: ZodApp, _service: MonitoringPlanService): void {}
