import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type PgCluster, startPostgres } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

let cluster: PgCluster | undefined;

/**
 * Once per `npm test`: start a throwaway PostgreSQL (installing it with apt-get on a fresh Debian machine
 * when running as root) so every store test runs on both dialects, and build the CLI the bin tests spawn.
 */
export async function setup(project: TestProject): Promise<void> {
  cluster = await startPostgres();
  project.provide('postgresUrl', cluster.url);
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
