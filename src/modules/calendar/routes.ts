import type { ZodApp } from '../../api/types.js';
import type { CalendarService } from './service.js';

// Placeholder while the module is being built.
export function calendarRoutes(_app: ZodApp, _service: CalendarService): void {}
