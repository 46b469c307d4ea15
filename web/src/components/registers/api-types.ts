import type { paths } from '../../api/schema.js';

/** The JSON body a route accepts, e.g. `RequestBody<'/api/vendors', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? NonNullable<B> extends { content: { 'application/json': infer J } }
    ? J
    : never
  : never;
