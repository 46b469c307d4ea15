import { z } from 'zod';
import { errorResponses } from '../../api/crud-routes.js';
import { sendFile } from '../../api/send-file.js';
import type { ZodApp } from '../../api/types.js';
import { DOCUMENT_CONTENT_TYPES } from '../../documents/index.js';
import { idParams } from '../shared/fields.js';
import { listPageSchema } from '../shared/list.js';
import { reviewInputsSchema } from './inputs/sections.js';
import {
  actionListQuery,
  actionSchema,
  outputCreateSchema,
  outputParams,
  outputUpdateSchema,
} from './output-schema.js';
import {
  exportQuery,
  reviewCreateSchema,
  reviewListQuery,
  reviewSchema,
  reviewUpdateSchema,
  transitionSchema,
} from './schema.js';
import type { ManagementReviewsService } from './service.js';

const tags = ['Management reviews'];
const path = '/api/management-reviews';

export function managementReviewRoutes(app: ZodApp, reviews: ManagementReviewsService): void {
  app.get(path, {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'List management reviews (default: latest scheduled first)',
      querystring: reviewListQuery,
      response: { 200: listPageSchema(reviewSchema), ...errorResponses },
    },
    handler: (request) => reviews.list(request.actor, request.query),
  });
  // Before /:id, so "actions" is never read as an id.
  app.get(`${path}/actions`, {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Tracked actions (outputs with an owner and a due date) across every review',
      querystring: actionListQuery,
      response: { 200: listPageSchema(actionSchema), ...errorResponses },
    },
    handler: (request) => reviews.actions(request.actor, request.query),
  });
  app.get(`${path}/:id`, {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'Read one management review',
      params: idParams,
      response: { 200: reviewSchema, ...errorResponses },
    },
    handler: (request) => reviews.get(request.actor, request.params.id),
  });
  app.post(path, {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Schedule a management review',
      body: reviewCreateSchema,
      response: { 201: reviewSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await reviews.create(request.actor, request.body)),
  });
  app.patch(`${path}/:id`, {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Change a review, its attendees, minutes or notes on the inputs (not once completed)',
      params: idParams,
      body: reviewUpdateSchema,
      response: { 200: reviewSchema, ...errorResponses },
    },
    handler: (request) => reviews.update(request.actor, request.params.id, request.body),
  });
  app.delete(`${path}/:id`, {
    config: { permission: 'records:delete' },
    schema: {
      tags,
      summary: 'Delete a planned or cancelled review',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await reviews.remove(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  });
  app.post(`${path}/:id/transitions`, {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Open, complete or cancel a review',
      description: 'Completing records the day held and freezes the compiled inputs as the review saw them.',
      params: idParams,
      body: transitionSchema,
      response: { 200: reviewSchema, ...errorResponses },
    },
    handler: (request) => reviews.transition(request.actor, request.params.id, request.body),
  });
  app.get(`${path}/:id/inputs`, {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The 9.3.2 inputs: compiled from the data, or as frozen when the review was completed',
      params: idParams,
      response: { 200: reviewInputsSchema, ...errorResponses },
    },
    handler: (request) => reviews.inputs(request.actor, request.params.id),
  });
  app.get(`${path}/:id/export`, {
    config: { permission: 'records:read' },
    schema: {
      tags,
      summary: 'The minutes as a PDF or Word document',
      params: idParams,
      querystring: exportQuery,
      response: { 200: z.any().describe('The document file.'), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format } = request.query;
      const file = await reviews.exportMinutes(request.actor, request.params.id, format);
      return sendFile(reply, { ...file, contentType: DOCUMENT_CONTENT_TYPES[format] });
    },
  });
  app.post(`${path}/:id/outputs`, {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Record a decision or action (9.3.3); with an owner and due date it is tracked',
      params: idParams,
      body: outputCreateSchema,
      response: { 201: reviewSchema, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await reviews.addOutput(request.actor, request.params.id, request.body)),
  });
  app.patch(`${path}/:id/outputs/:outputId`, {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Change an output; on a completed review only its status',
      params: outputParams,
      body: outputUpdateSchema,
      response: { 200: reviewSchema, ...errorResponses },
    },
    handler: (request) =>
      reviews.updateOutput(request.actor, request.params.id, request.params.outputId, request.body),
  });
  app.delete(`${path}/:id/outputs/:outputId`, {
    config: { permission: 'records:write' },
    schema: {
      tags,
      summary: 'Remove an output recorded by mistake (not once the review is completed)',
      params: outputParams,
      response: { 200: reviewSchema, ...errorResponses },
    },
    handler: (request) => reviews.removeOutput(request.actor, request.params.id, request.params.outputId),
  });
}
