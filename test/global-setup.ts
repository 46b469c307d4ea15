import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium.js';
import { type PgCluster, startPostgres } from './postgres-cluster.js';
import { ensurePrometheus } from './support/prometheus.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

let cluster: PgCluster | undefined;

/**
 * Once per `npm test`: start a throwaway PostgreSQL and make sure Debian's Chromium is there (installing
 * either with apt-get on a fresh Debian machine when running as root), then build the project: the CLI
 * tests spawn the built bin and the end-to-end tests load the built web application.
 */
export async function setup(project: TestProject): Promise<void> {
  cluster = await startPostgres();
  project.provide('postgresUrl', cluster.url);
  ensureChromium();
  ensurePrometheus();
  const root = path.resolve(import.meta.dirname, '..');
  // OPENAIMS_TEST_SKIP_BUILD=1 runs store tests against the source alone (e.g. while the web app is mid-edit).
  if (process.env.OPENAIMS_TEST_SKIP_BUILD !== '1')
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
