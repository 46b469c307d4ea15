import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  url: string;
  stop(): Promise<void>;
}

// Debian keeps server binaries out of PATH, one directory per major version.
const PG_LIB_DIR = '/usr/lib/postgresql';
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 100;
const STOP_TIMEOUT_MS = 10_000;
const STDERR_KEEP_BYTES = 64 * 1024;
const STDERR_TAIL_LINES = 20;
// Durability is pointless for a throwaway cluster and costs seconds per test file.
const SERVER_SETTINGS = [
  'listen_addresses=127.0.0.1',
  'max_connections=100',
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'shared_buffers=64MB',
];
const MISSING_MESSAGE =
  "PostgreSQL 15 is required for the test suite: install Debian's postgresql package (apt-get install postgresql) or set OPENAIMS_TEST_DATABASE_URL";

interface PgBinaries {
  initdb: string;
  postgres: string;
}

/** uid/gid to drop to; undefined means run as the current user. */
type RunAs = { uid: number; gid: number } | undefined;

/** Starts a throwaway PostgreSQL cluster, or returns the server named by OPENAIMS_TEST_DATABASE_URL. */
export async function startPostgres(): Promise<PgCluster> {
  const external = process.env.OPENAIMS_TEST_DATABASE_URL;
  if (external) return { url: external, stop: async () => {} };

  const binaries = ensureBinaries();
  const runAs = isRoot() ? postgresUser() : undefined;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'openaims-pg-'));
  try {
    if (runAs) await fs.chown(dir, runAs.uid, runAs.gid);
    initCluster(binaries.initdb, dir, runAs);
    return await launchServer(binaries.postgres, dir, runAs);
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function ensureBinaries(): PgBinaries {
  const found = findBinaries();
  if (found) return found;
  if (!isRoot()) throw new Error(MISSING_MESSAGE);
  installPostgres();
  const installed = findBinaries();
  if (!installed)
    throw new Error(`apt-get installed postgresql but no initdb/postgres was found under ${PG_LIB_DIR}`);
  return installed;
}

function findBinaries(): PgBinaries | undefined {
  const newestFirst = listVersionDirs().sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  for (const version of newestFirst) {
    const bin = path.join(PG_LIB_DIR, version, 'bin');
    const binaries = { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
    if (existsSync(binaries.initdb) && existsSync(binaries.postgres)) return binaries;
  }
  return undefined;
}

function listVersionDirs(): string[] {
  try {
    return readdirSync(PG_LIB_DIR);
  } catch {
    return [];
  }
}

function installPostgres(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  runOrThrow('apt-get', ['update'], env);
  runOrThrow('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], env);
}

function runOrThrow(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { env, stdio: 'pipe', encoding: 'utf8' });
  const failure = describeFailure(result);
  if (failure) throw new Error(`${[command, ...args].join(' ')} failed: ${failure}`);
}

/** One line explaining why a synchronous command failed, or undefined when it succeeded. */
function describeFailure(result: SpawnSyncReturns<string>): string | undefined {
  if (result.error) return result.error.message;
  if (result.status === 0) return undefined;
  const exit = result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
  const lastLine = tailLines(`${result.stdout ?? ''}\n${result.stderr ?? ''}`, 1);
  return lastLine ? `${exit}: ${lastLine}` : exit;
}

function postgresUser(): RunAs {
  return { uid: idOf('-u'), gid: idOf('-g') };
}

function idOf(flag: '-u' | '-g'): number {
  const result = spawnSync('id', [flag, 'postgres'], { stdio: 'pipe', encoding: 'utf8' });
  const id = Number.parseInt(result.stdout ?? '', 10);
  if (result.status !== 0 || Number.isNaN(id)) {
    throw new Error(
      `initdb refuses to run as root and the postgres system user is missing: ${MISSING_MESSAGE}`,
    );
  }
  return id;
}

function initCluster(initdb: string, dir: string, runAs: RunAs): void {
  const data = path.join(dir, 'data');
  const args = ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'];
  // cwd is the temp dir because the postgres user may not be able to enter ours.
  const result = spawnSync(initdb, args, { cwd: dir, stdio: 'pipe', encoding: 'utf8', ...runAs });
  const failure = describeFailure(result);
  if (failure)
    throw new Error(`initdb failed: ${failure}\n${tailLines(result.stderr ?? '', STDERR_TAIL_LINES)}`);
}

async function launchServer(postgres: string, dir: string, runAs: RunAs): Promise<PgCluster> {
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const settings = SERVER_SETTINGS.flatMap((setting) => ['-c', setting]);
  const args = ['-D', path.join(dir, 'data'), '-p', String(port), '-k', dir, ...settings];
  // Dropping privileges via spawn's uid/gid rather than runuser keeps the postmaster as our
  // direct child: runuser neither forwards SIGINT nor takes its child down when SIGKILLed.
  const child = spawn(postgres, args, {
    cwd: dir,
    detached: false,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...runAs,
  });
  const server = watchServer(child);
  // 'exit' listeners must be synchronous, so an aborted run gets SIGKILL instead of a clean shutdown.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Dying postgres workers may still be writing; a stray temp dir is not worth a crash at exit.
    }
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= shutdown(child, dir, killOnExit);
    return stopping;
  };

  try {
    await waitUntilReady(url, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

interface ServerWatch {
  stderr(): string;
  /** Why the server is gone, or undefined while it is running. */
  exitReason(): string | undefined;
}

function watchServer(child: ChildProcess): ServerWatch {
  let stderr = '';
  let exitReason: string | undefined;
  // Only the tail matters for diagnostics; a long test run must not grow this without bound.
  const collect = (chunk: Buffer): void => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP_BYTES);
  };
  child.stderr?.on('data', collect);
  // postgres logs to stderr, but an unread stdout pipe could still fill up and block it.
  child.stdout?.resume();
  child.once('error', (error) => {
    exitReason ??= `could not start postgres: ${error.message}`;
  });
  child.once('exit', (code, signal) => {
    exitReason ??= signal ? `postgres was killed by ${signal}` : `postgres exited with code ${code}`;
  });
  return { stderr: () => stderr, exitReason: () => exitReason };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not determine a free TCP port');
  return address.port;
}

async function waitUntilReady(url: string, server: ServerWatch): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = 'no connection attempt yet';
  for (;;) {
    const exitReason = server.exitReason();
    if (exitReason) throw serverError(exitReason, server);
    const error = await trySelectOne(url);
    if (!error) return;
    lastError = error;
    if (Date.now() >= deadline) {
      throw serverError(
        `postgres was not ready after ${READY_TIMEOUT_MS / 1000} s (last error: ${lastError})`,
        server,
      );
    }
    await sleep(READY_POLL_MS);
  }
}

/** Returns the connection error message, or undefined once the server answers queries. */
async function trySelectOne(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  // A server still starting up can drop the socket after connect; that must not crash the run.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

function serverError(reason: string, server: ServerWatch): Error {
  const tail = tailLines(server.stderr(), STDERR_TAIL_LINES);
  return new Error(tail ? `${reason}\npostgres stderr:\n${tail}` : reason);
}

async function shutdown(child: ChildProcess, dir: string, killOnExit: () => void): Promise<void> {
  process.off('exit', killOnExit);
  // SIGINT is postgres' "fast" shutdown: it disconnects clients instead of waiting for them.
  if (isRunning(child)) {
    child.kill('SIGINT');
    if (!(await exited(child, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await exited(child, STOP_TIMEOUT_MS);
    }
  }
  await fs.rm(dir, { recursive: true, force: true });
}

function isRunning(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (!isRunning(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

function tailLines(text: string, count: number): string {
  const lines = text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
  return lines.slice(-count).join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
