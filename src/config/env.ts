/** The only place that reads process.env; everything else receives a validated Config. */
export interface RawEnv {
  dataDir?: string;
  databaseUrl?: string;
  port?: string;
  host?: string;
  secret?: string;
  logLevel?: string;
  trustProxy?: string;
  sessionTtlHours?: string;
  loginRateLimit?: string;
  blobStorage?: string;
  maxUploadMb?: string;
  smtpUrl?: string;
  mailFrom?: string;
  publicUrl?: string;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): RawEnv {
  return {
    dataDir: env.OPENAIMS_DATA_DIR,
    databaseUrl: env.OPENAIMS_DATABASE_URL,
    port: env.OPENAIMS_PORT,
    host: env.OPENAIMS_HOST,
    secret: env.OPENAIMS_SECRET,
    logLevel: env.OPENAIMS_LOG_LEVEL,
    trustProxy: env.OPENAIMS_TRUST_PROXY,
    sessionTtlHours: env.OPENAIMS_SESSION_TTL_HOURS,
    loginRateLimit: env.OPENAIMS_LOGIN_RATE_LIMIT,
    blobStorage: env.OPENAIMS_BLOB_STORAGE,
    maxUploadMb: env.OPENAIMS_MAX_UPLOAD_MB,
    smtpUrl: env.OPENAIMS_SMTP_URL,
    mailFrom: env.OPENAIMS_MAIL_FROM,
    publicUrl: env.OPENAIMS_PUBLIC_URL,
  };
}
