import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import type { ZodApp } from '../../api/types.js';
import {
  calendarQuery,
  calendarSchema,
  feedQuery,
  feedTokenCreatedSchema,
  feedTokenSchema,
} from './schema.js';
import { type CalendarService, FEED_PATH } from './service.js';

const tags = ['Calendar'];

/** `publicUrl` makes the feed's event links absolute (calendar apps open them outside the web app). */
export function calendarRoutes(app: ZodApp, calendar: CalendarService, publicUrl: string): void {
  app.get('/api/calendar', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Every dated AIMS obligation in a range: audits, reviews, actions, checks, expiries',
      querystring: calendarQuery,
      response: { 200: calendarSchema, ...errorResponses },
    },
    handler: (request) => calendar.list(request.actor, request.query),
  });
  app.get(FEED_PATH, {
    config: { permission: 'records:read', calendarFeed: true },
    schema: {
      tags,
      summary: 'The same calendar as an iCalendar (RFC 5545) feed',
      description:
        'Subscribe from a calendar app with `?token=<calendar feed token>` (see /api/calendar/feed-token); the token can read this feed and nothing else. A session or API token works too.',
      querystring: feedQuery,
      produces: ['text/calendar'],
      response: { 200: z.string().describe('text/calendar'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { token: _token, ...query } = request.query;
      const body = await calendar.ics(request.actor, query, publicUrl);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="openaims.ics"')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  });
  app.get('/api/calendar/feed-token', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: "The caller's calendar feed token, if any (never the secret)",
      response: { 200: feedTokenSchema, ...errorResponses },
    },
    handler: (request) => calendar.feedToken(request.actor),
  });
  app.post('/api/calendar/feed-token', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Issue a calendar feed token for the caller, revoking the previous one; shown once',
      response: { 201: feedTokenCreatedSchema, ...errorResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await calendar.issueFeedToken(request.actor)),
  });
  app.delete('/api/calendar/feed-token', {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: "Revoke the caller's calendar feed token",
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await calendar.revokeFeedToken(request.actor);
      return reply.status(204).send(null);
    },
  });
}
