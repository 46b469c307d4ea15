import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../lib/errors.js';

/** RFC 9457 problem details: the one shape every error response takes. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `https://openaims.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

interface ValidationEntry {
  keyword?: string;
  message?: string;
  instancePath?: string;
  params?: { keys?: string[] };
}

function fieldName(context: string | undefined, path: string[]): string {
  const joined = path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');
  if (joined) return joined;
  return context === 'querystring' ? 'query' : (context ?? 'body');
}

/** Turns the validator's entries into one error per offending field, named as the client sent it. */
function validationErrors(error: FastifyError): FieldError[] {
  const context = error.validationContext;
  return (error.validation ?? []).flatMap((raw) => {
    const entry = raw as ValidationEntry;
    const path = (entry.instancePath ?? '').split('/').filter(Boolean);
    if (entry.keyword === 'unrecognized_keys' && entry.params?.keys) {
      return entry.params.keys.map((key) => ({
        field: fieldName(context, [...path, key]),
        message: 'unknown field',
      }));
    }
    return [{ field: fieldName(context, path), message: entry.message ?? 'is invalid' }];
  });
}

export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) return problem(error.status, error.code, error.message, error.errors);
  const fastifyError = error as FastifyError;
  // A malformed id in the path is simply an id that does not exist.
  if (fastifyError.validation && fastifyError.validationContext === 'params') {
    return problem(404, 'not_found', 'No record with this id.');
  }
  if (hasZodFastifySchemaValidationErrors(fastifyError) || fastifyError.validation) {
    const errors = validationErrors(fastifyError);
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return problem(422, 'validation_failed', summary || 'The request has invalid fields.', errors);
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'invalid_json', `The request body is not valid JSON: ${fastifyError.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'body_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  if (error instanceof SyntaxError)
    return problem(400, 'invalid_json', 'The request body is not valid JSON.');
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return problem(status, 'bad_request', fastifyError.message);
  }
  return problem(500, 'internal_error', 'Something went wrong on our side; the error has been logged.');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, body: Problem): FastifyReply {
  return reply
    .status(body.status)
    .type('application/problem+json')
    .send({ ...body, instance: request.url.split('?')[0] });
}
