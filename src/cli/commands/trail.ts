import type { Command } from 'commander';
import { verifyTrail } from '../../modules/trail/service.js';
import { withContext, withDatabaseOptions } from '../context.js';

export function registerTrailCommands(program: Command): void {
  const trail = program.command('trail').description('the tamper-evident change trail');
  withDatabaseOptions(
    trail
      .command('verify')
      .description('re-compute the hash chain; exits non-zero at the first broken entry'),
  ).action(async (options) => {
    await withContext(
      options,
      async ({ db }) => {
        const result = await verifyTrail(db);
        if (result.ok) {
          process.stdout.write(`OK: ${result.count} trail entries verified.\n`);
          return;
        }
        process.stderr.write(
          `BROKEN at entry ${result.brokenAt.seq} (${result.brokenAt.id}): ${result.brokenAt.reason}; ${result.count} entries before it verified.\n`,
        );
        process.exitCode = 1;
      },
      { prepare: false },
    );
  });
}
