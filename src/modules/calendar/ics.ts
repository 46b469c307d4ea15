import ical from 'ical-generator';
import { addDays } from '../../lib/time.js';
import type { CalendarEvent } from './schema.js';

const utcDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** RFC 5545 all-day events; DTEND is exclusive, so the last day is pushed one day on. */
export function toIcs(events: CalendarEvent[], options: { name: string; baseUrl: string }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'OpenAIMS', product: 'AIMS calendar', language: 'EN' },
    ttl: 3600,
  });
  for (const event of events) {
    calendar.createEvent({
      id: `${event.uid}@openaims`,
      allDay: true,
      start: utcDay(event.start),
      end: utcDay(addDays(event.end, 1)),
      summary: event.overdue ? `OVERDUE: ${event.title}` : event.title,
      description: `${event.kind.replaceAll('_', ' ')} · ${event.status}`,
      url: options.baseUrl ? `${options.baseUrl}${event.link}` : null,
      categories: [{ name: event.kind }],
    });
  }
  return calendar.toString();
}
