import type { Command } from 'commander';
import pino from 'pino';
import { buildApp } from '../../api/app.js';
import { openContext } from '../../context.js';
import { startScheduler } from '../../jobs/scheduler.js';
import { startMonitoringWorker } from '../../monitoring/worker.js';
import { configFrom, withDatabaseOptions } from '../context.js';

export function registerServe(program: Command): void {
  withDatabaseOptions(
    program
      .command('serve')
      .description('run the API server (migrates the database first)')
      .option('--port <port>', 'port to listen on [env OPENAIMS_PORT, default 4280]')
      .option('--host <host>', 'interface to bind [env OPENAIMS_HOST, default 127.0.0.1]')
      .option(
        '--no-worker',
        'only answer HTTP: leave monitoring to `openaims worker` processes (PostgreSQL)',
      ),
  ).action(async (options) => {
    const config = configFrom(options);
    const context = await openContext(config, { needsSecret: true });
    const app = await buildApp(context, {
      logger: {
        level: config.logLevel,
        // Cookies and tokens travel in headers; keep them out of request logs.
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      },
    });
    const scheduler = startScheduler(context, app.log);
    const worker = options.worker ? await startMonitoringWorker(context, app.log) : undefined;
    const stop = async (signal: string) => {
      app.log.info({ signal }, 'shutting down');
      scheduler.stop();
      await worker?.stop();
      await app.close();
      await context.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
    process.stdout.write(
      `OpenAIMS listening on http://${shownHost}:${port}/ (API docs at /api/docs, database: ${context.db.dialect.name})\n`,
    );
  });
}

export function registerWorker(program: Command): void {
  withDatabaseOptions(
    program
      .command('worker')
      .description('run monitoring (scheduled tests, integration syncs, change re-evaluation) without HTTP'),
  ).action(async (options) => {
    const config = configFrom(options);
    const context = await openContext(config, { needsSecret: true });
    const log = pino({ level: config.logLevel });
    const worker = await startMonitoringWorker(context, log);
    log.info(
      { database: context.db.dialect.name, worker: context.monitor.worker },
      'monitoring worker started',
    );
    const stop = async (signal: string) => {
      log.info({ signal }, 'worker shutting down');
      await worker.stop();
      await context.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}
