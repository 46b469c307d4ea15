import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../lib/errors.js';
import type { RawEnv } from './env.js';

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

const configSchema = z.object({
  dataDir: z.preprocess(blankToUndefined, z.string().default('./data')),
  databaseUrl: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  port: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(4280)),
  host: z.preprocess(blankToUndefined, z.string().default('127.0.0.1')),
  secret: z.preprocess(blankToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  logLevel: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  trustProxy: z.preprocess(blankToUndefined, z.enum(['true', 'false']).default('false')),
  sessionTtlHours: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .positive()
      .max(24 * 90)
      .default(12),
  ),
  loginRateLimit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(10)),
  blobStorage: z.preprocess(blankToUndefined, z.enum(['filesystem', 'database']).default('filesystem')),
  maxUploadMb: z.preprocess(blankToUndefined, z.coerce.number().positive().max(10_240).default(50)),
  smtpUrl: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  mailFrom: z.preprocess(blankToUndefined, z.string().min(3).default('OpenAIMS <openaims@localhost>')),
  publicUrl: z.preprocess(blankToUndefined, z.url('must be a URL').optional()),
});

const ENV_NAMES: Record<keyof RawEnv, string> = {
  dataDir: 'OPENAIMS_DATA_DIR',
  databaseUrl: 'OPENAIMS_DATABASE_URL',
  port: 'OPENAIMS_PORT',
  host: 'OPENAIMS_HOST',
  secret: 'OPENAIMS_SECRET',
  logLevel: 'OPENAIMS_LOG_LEVEL',
  trustProxy: 'OPENAIMS_TRUST_PROXY',
  sessionTtlHours: 'OPENAIMS_SESSION_TTL_HOURS',
  loginRateLimit: 'OPENAIMS_LOGIN_RATE_LIMIT',
  blobStorage: 'OPENAIMS_BLOB_STORAGE',
  maxUploadMb: 'OPENAIMS_MAX_UPLOAD_MB',
  smtpUrl: 'OPENAIMS_SMTP_URL',
  mailFrom: 'OPENAIMS_MAIL_FROM',
  publicUrl: 'OPENAIMS_PUBLIC_URL',
};

export interface Config {
  dataDir: string;
  database: { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };
  port: number;
  host: string;
  /** Set from OPENAIMS_SECRET; otherwise resolved later from <dataDir>/secret.key (see secret.ts). */
  secret?: string;
  logLevel: string;
  trustProxy: boolean;
  sessionTtlMs: number;
  loginRateLimitPerMinute: number;
  /** Where evidence files live: files under <dataDir>/blobs, or chunks in the database (PostgreSQL only). */
  blobStorage: 'filesystem' | 'database';
  maxUploadBytes: number;
  /** Outgoing mail (daily digests); no digests are sent without it. */
  mail: { smtpUrl: string | undefined; from: string };
  /** The address people reach the web application at, for links in emails. */
  publicUrl: string;
}

/** Builds the typed config from env values overridden by CLI flags; fails fast naming the setting. */
export function buildConfig(env: RawEnv, overrides: RawEnv = {}): Config {
  const merged: RawEnv = { ...env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) merged[key as keyof RawEnv] = value;
  }
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '') as keyof RawEnv;
    throw new ConfigError(`Invalid ${ENV_NAMES[key] ?? key}: ${issue?.message ?? 'invalid value'}`);
  }
  const c = parsed.data;
  if (c.blobStorage === 'database' && !c.databaseUrl) {
    throw new ConfigError(
      'Invalid OPENAIMS_BLOB_STORAGE: "database" needs PostgreSQL (OPENAIMS_DATABASE_URL); SQLite keeps files under the data directory',
    );
  }
  const dataDir = path.resolve(c.dataDir);
  return {
    dataDir,
    database: c.databaseUrl
      ? { dialect: 'postgres', url: c.databaseUrl }
      : { dialect: 'sqlite', file: path.join(dataDir, 'openaims.db') },
    port: c.port,
    host: c.host,
    secret: c.secret,
    logLevel: c.logLevel,
    trustProxy: c.trustProxy === 'true',
    sessionTtlMs: c.sessionTtlHours * 3_600_000,
    loginRateLimitPerMinute: c.loginRateLimit,
    blobStorage: c.blobStorage,
    maxUploadBytes: Math.round(c.maxUploadMb * 1024 * 1024),
    mail: { smtpUrl: c.smtpUrl, from: c.mailFrom },
    publicUrl: (c.publicUrl ?? `http://${c.host}:${c.port}`).replace(/\/$/, ''),
  };
}
