import type { Command } from 'commander';
import { migrateToLatest } from '../../db/migrate.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../../demo/seed.js';
import { seedMonitoring } from '../../demo/seed-monitoring.js';
import { todayIso } from '../../lib/time.js';
import { withContext, withDatabaseOptions } from '../context.js';

export function registerDatabaseCommands(program: Command): void {
  withDatabaseOptions(program.command('init').description('create the database and run migrations')).action(
    async (options) => {
      await withContext(options, async (context) => {
        const where =
          context.db.dialect.name === 'sqlite' ? context.config.database : { dialect: 'postgres' };
        process.stdout.write(
          `Database ready (${context.db.dialect.name}${'file' in where ? `: ${where.file}` : ''}).\n`,
        );
      });
    },
  );

  withDatabaseOptions(program.command('migrate').description('apply pending migrations')).action(
    async (options) => {
      await withContext(
        options,
        async (context) => {
          const report = await migrateToLatest(context.db);
          process.stdout.write(
            report.applied.length > 0
              ? `Applied ${report.applied.join(', ')}; now at ${report.current}.\n`
              : `Already up to date at ${report.current}.\n`,
          );
        },
        { prepare: false },
      );
    },
  );

  withDatabaseOptions(
    program
      .command('demo')
      .description('create the database and seed the demo organisation (once; safe to re-run)'),
  ).action(async (options) => {
    await withContext(options, async (context) => {
      const outcome = await seedDemo(context.db, context.services);
      if (outcome.status === 'seeded') {
        await seedMonitoring(context.db, context.services, context.config.dataDir, todayIso());
      }
      if (outcome.status !== 'not_empty') {
        // The first start already shows live results: collect everything and run every test once.
        await context.monitor.syncAll('manual');
        await context.monitor.runAll('manual');
        await context.monitor.followTrail();
      }
      if (outcome.status === 'not_empty') {
        throw new Error(
          'this database already holds data that is not the demo; the demo only seeds an empty database',
        );
      }
      if (outcome.status === 'seeded') {
        const counts = Object.entries(outcome.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ');
        process.stdout.write(`Seeded the demo organisation: ${counts}.\n`);
      } else {
        process.stdout.write('The demo organisation is already seeded.\n');
      }
      process.stdout.write(
        `Demo login (demo data only, never in production): ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD}\n`,
      );
    });
  });
}
