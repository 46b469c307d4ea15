import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type DialectName, type TestDatabase } from './databases.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/openaims.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `openaims` bin (the committed shim over the built code), as a user would. */
export function runCli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * For a describe block: a fresh database of the dialect with the demo organisation seeded by `openaims demo`,
 * dropped afterwards; the returned function runs the CLI against it.
 */
export function demoCli(dialect: DialectName): (args: string[]) => Promise<CliResult> {
  const env = { OPENAIMS_SECRET: 'cli-demo-secret-cli-demo-secret-cli-demo!!' };
  let database: TestDatabase | undefined;
  const cli = (args: string[]) => runCli([...args, ...(database?.flags ?? [])], { env });
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const seeded = await cli(['demo']);
    if (seeded.code !== 0) throw new Error(`openaims demo failed: ${seeded.stderr}`);
  }, 180_000);
  afterAll(() => database?.drop());
  return cli;
}
