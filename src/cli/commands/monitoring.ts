import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { integrationListQuery } from '../../modules/integrations/schema.js';
import { dryRunNewSchema, testListQuery } from '../../modules/tests/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printFooter, printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

export function registerMonitoringCommands(program: Command): void {
  const tests = program.command('tests').description('automated tests over integrations and records');
  withDatabaseOptions(
    tests
      .command('list')
      .description('list tests with their live status')
      .option('--failing', 'only tests that need attention or error')
      .option('--json', 'print JSON')
      .option('--limit <n>', 'how many', '500'),
  ).action(async (options) => {
    await withContext(
      options,
      async ({ services }) => {
        const query = parseOrThrow(testListQuery, { limit: options.limit });
        const page = await services.tests.list(cliActor(), query);
        const items = options.failing
          ? page.items.filter((t) => t.status === 'needs_attention' || t.status === 'error')
          : page.items;
        if (options.json) return printJson({ items, total: options.failing ? items.length : page.total });
        printTable(
          ['id', 'title', 'severity', 'status', 'fail', 'pass'],
          items.map((t) => [t.id, t.title, t.severity, t.status, t.counts.fail ?? 0, t.counts.pass ?? 0]),
        );
        if (!options.failing) printFooter(items.length, page.total);
      },
      { prepare: false },
    );
  });

  withDatabaseOptions(
    tests
      .command('run')
      .description('run one test, or every enabled test, now')
      .option('--id <id>', 'the test to run (default: all enabled tests)')
      .option('--no-sync', 'do not collect integrations first')
      .option('--json', 'print JSON'),
  ).action(async (options) => {
    await withContext(
      options,
      async ({ monitor }) => {
        if (options.id) {
          const summary = await monitor.runTest(options.id, { trigger: 'manual' });
          if (options.json) return printJson(summary);
          process.stdout.write(
            `${summary.testId}: ${summary.status} (${JSON.stringify(summary.counts)}), ${summary.transitions} changes\n`,
          );
          return;
        }
        if (options.sync) await monitor.syncAll('manual');
        const bar =
          options.json || !process.stderr.isTTY
            ? undefined
            : new SingleBar({ stream: process.stderr, format: 'tests [{bar}] {value}/{total}' });
        const summaries = await monitor.runAll('manual', {
          onProgress: (done, total) => {
            if (!bar) return;
            if (done === 0 || !bar.getTotal()) bar.start(total, done);
            bar.update(done);
          },
        });
        bar?.stop();
        const byStatus: Record<string, number> = {};
        for (const s of summaries) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
        if (options.json) return printJson({ ran: summaries.length, byStatus });
        process.stdout.write(
          `ran ${summaries.length} tests: ${Object.entries(byStatus)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}\n`,
        );
      },
      { needsSecret: true },
    );
  });

  withDatabaseOptions(
    tests
      .command('dry-run')
      .description('evaluate a test definition (YAML or JSON file) without saving it')
      .requiredOption('--file <file>', 'test definition: title, severity, resourceType, condition, …')
      .option('--json', 'print JSON'),
  ).action(async (options) => {
    const text = await readFile(options.file, 'utf8');
    const definition = parseOrThrow(dryRunNewSchema, parseYaml(text));
    await withContext(
      options,
      async ({ services }) => {
        const result = await services.tests.dryRun(cliActor(), null, definition);
        if (options.json) return printJson(result);
        printTable(
          ['resource', 'outcome', 'reason'],
          result.results.map((r) => [r.name, r.outcome, r.reason]),
        );
        process.stdout.write(
          `${Object.entries(result.counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}\n`,
        );
      },
      { prepare: false },
    );
  });

  const integrations = program.command('integrations').description('connectors that collect resources');
  withDatabaseOptions(
    integrations
      .command('list')
      .description('list integrations and their health')
      .option('--json', 'print JSON'),
  ).action(async (options) => {
    await withContext(
      options,
      async ({ services }) => {
        const { items } = await services.integrations.list(
          cliActor(),
          parseOrThrow(integrationListQuery, {}),
        );
        if (options.json) return printJson({ items });
        printTable(
          ['id', 'kind', 'name', 'health', 'resources', 'last error'],
          items.map((i) => [i.id, i.kind, i.name, i.health.status, i.resourceCount, i.health.lastError]),
        );
      },
      { prepare: false },
    );
  });
  withDatabaseOptions(
    integrations
      .command('sync <id>')
      .description('collect now and re-evaluate what changed')
      .option('--json', 'print JSON'),
  ).action(async (id: string, options) => {
    await withContext(
      options,
      async ({ services }) => {
        const result = await services.integrations.sync(cliActor(), id);
        if (options.json) return printJson(result);
        if (!result.ok) throw new Error(`sync failed: ${result.error}`);
        process.stdout.write(
          `collected ${result.collected ?? 0}, changed ${result.changed}, removed ${result.removed}, ${result.testsRun} test runs\n`,
        );
      },
      { needsSecret: true },
    );
  });
}
