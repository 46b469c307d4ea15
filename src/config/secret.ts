import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../lib/errors.js';
import type { Config } from './config.js';

/**
 * The server secret signs session cookies and (later) encrypts integration credentials.
 * With PostgreSQL several processes, possibly on several hosts, share one database, so a per-host
 * generated file would silently differ between them: there the secret must come from OPENAIMS_SECRET.
 */
export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  if (config.database.dialect === 'postgres') {
    throw new ConfigError(
      'OPENAIMS_SECRET is required with PostgreSQL (every process must share it): set it to a random string of at least 32 characters, e.g. `openssl rand -hex 32`.',
    );
  }
  const file = path.join(config.dataDir, 'secret.key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
