import { z } from 'zod';

const query = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'must be a snake_case identifier, e.g. model_accuracy')
      .max(100),
    expression: z.string().trim().min(1, 'must be a PromQL expression').max(10_000),
    description: z.string().max(1000).optional(),
  })
  .strict();

export const prometheusConfigSchema = z
  .object({
    // Not z.httpUrl(): it wants a dotted domain, and Prometheus is often `http://prometheus:9090` or an IP.
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://prometheus.example.com' })
      .max(2000),
    queries: z
      .array(query)
      .min(1, 'configure at least one query')
      .max(200, 'at most 200 queries per integration'),
    timeoutSeconds: z.number().int().min(1).max(60).default(10),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.queries.forEach((q, i) => {
      if (seen.has(q.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['queries', i, 'name'],
          message: `query name "${q.name}" is used twice; names must be unique`,
        });
      }
      seen.add(q.name);
    });
  });

export const prometheusSecretsSchema = z
  .object({
    bearerToken: z.string().min(1, 'must not be empty').optional(),
    basicAuth: z
      .object({ username: z.string().min(1, 'must not be empty'), password: z.string() })
      .strict()
      .optional(),
  })
  .strict()
  .refine(
    (secrets) => !(secrets.bearerToken && secrets.basicAuth),
    'give either bearerToken or basicAuth, not both',
  );

export type PrometheusConfig = z.infer<typeof prometheusConfigSchema>;
export type PrometheusQuery = PrometheusConfig['queries'][number];
export type PrometheusSecrets = z.infer<typeof prometheusSecretsSchema>;

/** The Authorization header for the configured credentials, if any. */
export function authorizationHeader(secrets: PrometheusSecrets): string | undefined {
  if (secrets.bearerToken) return `Bearer ${secrets.bearerToken}`;
  if (!secrets.basicAuth) return undefined;
  const { username, password } = secrets.basicAuth;
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
