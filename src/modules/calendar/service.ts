import type { Db } from '../../db/database.js';

// Placeholder while the module is being built.
export function createCalendarService(_db: Db) {
  return {};
}

export type CalendarService = ReturnType<typeof createCalendarService>;
