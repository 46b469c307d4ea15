import type { Command } from 'commander';
import { buildConfig, type Config } from '../config/config.js';
import { readEnv } from '../config/env.js';
import { type AppContext, type OpenOptions, openContext } from '../context.js';

export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/** Every command accepts --data-dir and --database-url, overriding OPENAIMS_DATA_DIR / OPENAIMS_DATABASE_URL. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .option(
      '--data-dir <dir>',
      'data directory (SQLite file, secret key) [env OPENAIMS_DATA_DIR, default ./data]',
    )
    .option('--database-url <url>', 'PostgreSQL URL; SQLite is used when absent [env OPENAIMS_DATABASE_URL]');
}

export function configFrom(options: GlobalOptions & { port?: string; host?: string }): Config {
  return buildConfig(readEnv(), {
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    port: options.port,
    host: options.host,
  });
}

/** Opens the context for one command and always closes it, so the process can exit. */
export async function withContext<T>(
  options: GlobalOptions,
  work: (context: AppContext) => Promise<T>,
  open: OpenOptions = {},
): Promise<T> {
  const context = await openContext(configFrom(options), { poolSize: 2, ...open });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}
