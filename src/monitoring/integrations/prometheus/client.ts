import { z } from 'zod';
import { IntegrationError } from '../integration.js';

/** `[unix seconds, value as text]`: Prometheus sends values as strings so NaN and ±Inf survive JSON. */
const sample = z.tuple([z.number(), z.string()]);

const resultSchema = z.discriminatedUnion('resultType', [
  z.object({
    resultType: z.literal('vector'),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: sample })),
  }),
  z.object({ resultType: z.literal('scalar'), result: sample }),
  z.object({ resultType: z.literal('matrix'), result: z.array(z.unknown()) }),
  z.object({ resultType: z.literal('string'), result: z.tuple([z.number(), z.string()]) }),
]);

const responseSchema = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
});

export type QueryResult = z.infer<typeof resultSchema>;

export interface InstantQuery {
  baseUrl: string;
  expression: string;
  timeoutSeconds: number;
  /** The collection's own budget; whichever of it and timeoutSeconds ends first stops the request. */
  signal: AbortSignal;
  authorization?: string | undefined;
}

/** Runs one instant query (`GET /api/v1/query`) and returns its `data`, or throws an actionable IntegrationError. */
export async function instantQuery(query: InstantQuery): Promise<QueryResult> {
  const url = queryUrl(query.baseUrl, query.expression);
  const timeout = AbortSignal.timeout(query.timeoutSeconds * 1000);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (query.authorization) headers.authorization = query.authorization;
  let status: number;
  let text: string;
  try {
    // The body is read under the same signal, so a server that stalls mid-response also times out.
    const response = await fetch(url, { headers, signal: AbortSignal.any([query.signal, timeout]) });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) {
      throw new IntegrationError(`Prometheus at ${url.host} did not answer within ${query.timeoutSeconds} s`);
    }
    if (query.signal.aborted) {
      throw new IntegrationError(
        `stopped waiting for Prometheus at ${url.host}: the collection ran out of time`,
      );
    }
    throw new IntegrationError(
      `could not reach Prometheus at ${url.host} (${networkCause(error)}): check baseUrl and that the server is running`,
    );
  }
  return parseResponse(url, status, text);
}

function queryUrl(baseUrl: string, expression: string): URL {
  // Keep any path prefix (Prometheus behind a reverse proxy at /prometheus/).
  const url = new URL('api/v1/query', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('query', expression);
  return url;
}

function parseResponse(url: URL, status: number, text: string): QueryResult {
  let body: z.infer<typeof responseSchema> | undefined;
  try {
    const parsed = responseSchema.safeParse(JSON.parse(text));
    body = parsed.success ? parsed.data : undefined;
  } catch {
    body = undefined;
  }
  // Prometheus explains bad queries (400), execution errors (422) and its own timeouts (503) in the body.
  if (body?.status === 'error') {
    const kind = body.errorType ? ` (${body.errorType})` : '';
    throw new IntegrationError(`Prometheus rejected the query${kind}: ${body.error ?? `HTTP ${status}`}`);
  }
  if (status < 200 || status > 299) throw new IntegrationError(httpStatusMessage(url, status));
  if (!body) {
    throw new IntegrationError(
      `Prometheus at ${url.host} answered with something that is not a Prometheus API response: is baseUrl the Prometheus server?`,
    );
  }
  const data = resultSchema.safeParse(body.data);
  if (!data.success) {
    throw new IntegrationError(`Prometheus at ${url.host} answered with an unexpected result shape`);
  }
  return data.data;
}

function httpStatusMessage(url: URL, status: number): string {
  const base = `Prometheus at ${url.host} answered HTTP ${status}`;
  if (status === 401 || status === 403) return `${base}: check the bearer token or basic auth credentials`;
  if (status === 404)
    return `${base}: check that baseUrl points at the Prometheus server (${url.pathname} not found)`;
  return base;
}

function networkCause(error: unknown): string {
  // undici reports "fetch failed" and puts the useful part (ECONNREFUSED, ENOTFOUND, TLS errors) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
  return String(cause);
}
