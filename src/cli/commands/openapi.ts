import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { buildApp } from '../../api/app.js';
import { buildConfig } from '../../config/config.js';
import { readEnv } from '../../config/env.js';
import { openContext } from '../../context.js';

/**
 * Prints the OpenAPI document without a running server or a real database: the app is built over an
 * in-memory SQLite database and asked for its spec. The web client's types are generated from it.
 */
export function registerOpenApiCommand(program: Command): void {
  program
    .command('openapi')
    .description('print the OpenAPI document (or write it with --out)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options) => {
      const config = {
        ...buildConfig(readEnv()),
        database: { dialect: 'sqlite' as const, file: ':memory:' },
        secret: 'x'.repeat(32),
      };
      const context = await openContext(config, { needsSecret: true });
      try {
        const app = await buildApp(context);
        await app.ready();
        const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
        await app.close();
        if (options.out) await writeFile(options.out, text);
        else process.stdout.write(text);
      } finally {
        await context.close();
      }
    });
}
