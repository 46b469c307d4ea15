import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PROMETHEUS = '/usr/bin/prometheus';

const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 100;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_KEEP_BYTES = 16 * 1024;

export interface PrometheusServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's Prometheus backs the Prometheus integration tests; install it when missing (as root), never download
 * a release. The package's own service is never started or used.
 */
export function ensurePrometheus(): string {
  if (existsSync(PROMETHEUS)) return PROMETHEUS;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Prometheus is required for the Prometheus integration tests: install Debian's prometheus package (apt-get install prometheus)`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'prometheus']]) {
    const result = spawnSync('apt-get', args, { env, stdio: 'pipe', encoding: 'utf8' });
    if (result.status !== 0) {
      const last = `${result.stdout}\n${result.stderr}`.trim().split('\n').at(-1);
      throw new Error(`apt-get ${args.join(' ')} failed: ${result.error?.message ?? last}`);
    }
  }
  if (!existsSync(PROMETHEUS)) throw new Error(`apt-get installed prometheus but ${PROMETHEUS} is missing`);
  return PROMETHEUS;
}

/** Starts a throwaway Prometheus on a free port that scrapes `scrapeTargets` (host:port) as job "test". */
export async function startPrometheus(options: {
  scrapeTargets: string[];
  scrapeIntervalSeconds?: number;
}): Promise<PrometheusServer> {
  const binary = ensurePrometheus();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'openaims-prometheus-'));
  const interval = `${options.scrapeIntervalSeconds ?? 1}s`;
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval },
    scrape_configs: [{ job_name: 'test', static_configs: [{ targets: options.scrapeTargets }] }],
  };
  const configFile = path.join(dir, 'prometheus.yml');
  // JSON is YAML, so no YAML writer is needed.
  await fs.writeFile(configFile, JSON.stringify(config, null, 2));
  const port = await freePort();
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEEP_BYTES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let startError: Error | undefined;
  child.once('error', (error) => {
    startError = error;
  });
  // 'exit' listeners must be synchronous: an aborted run gets SIGKILL and a best-effort cleanup.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A dying prometheus may still be writing; a stray temp dir is not worth a crash at exit.
    }
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('exit', killOnExit);
      await terminate(child);
      await fs.rm(dir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, () => startError?.message ?? exitReason(child));
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\nprometheus output:\n${output.trim().split('\n').slice(-20).join('\n')}`);
  }
  return { url, stop };
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
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

async function waitUntilReady(url: string, failure: () => string | undefined): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const reason = failure();
    if (reason) throw new Error(`prometheus did not start: ${reason}`);
    const ready = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() >= deadline)
      throw new Error(`prometheus was not ready after ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

function exitReason(child: ChildProcess): string | undefined {
  if (child.signalCode) return `prometheus was killed by ${child.signalCode}`;
  if (child.exitCode !== null) return `prometheus exited with code ${child.exitCode}`;
  return undefined;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || exitReason(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
