import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

let csrfToken: string | undefined;

/** Cookie sessions need the CSRF token from sign-in on every write; it lives in memory only. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** For requests made outside openapi-fetch (uploads with progress through XMLHttpRequest). */
export function getCsrfToken(): string | undefined {
  return csrfToken;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method))
      request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

export interface Problem {
  status: number;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

/** Turns an openapi-fetch result into data or a thrown problem, so TanStack Query sees failures. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const problem = (result.error ?? {}) as Partial<Problem>;
    throw Object.assign(new Error(problem.detail ?? `Request failed (${result.response.status})`), {
      status: result.response.status,
      errors: problem.errors,
    });
  }
  return result.data;
}
