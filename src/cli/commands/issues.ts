import type { Command } from 'commander';
import { issueListQuery } from '../../modules/issues/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printFooter, printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

export function registerIssues(program: Command): void {
  const issues = program.command('issues').description('issues opened by failing monitoring tests');
  withDatabaseOptions(
    issues
      .command('list')
      .description('list issues, soonest due first (default: open issues)')
      .option('--status <status>', 'open or resolved', 'open')
      .option('--overdue', 'only open issues past their due date')
      .option('--severity <severity>', 'critical, high, medium or low')
      .option('--sort <field>', 'dueAt, openedAt, number or severity; prefix with - for descending')
      .option('--limit <n>', 'page size (max 500)', '50')
      .option('--offset <n>', 'rows to skip', '0')
      .option('--json', 'print the API response as JSON'),
  ).action(async (options) => {
    const query = parseOrThrow(issueListQuery, {
      status: options.status,
      overdue: options.overdue ? 'true' : undefined,
      severity: options.severity,
      sort: options.sort,
      limit: options.limit,
      offset: options.offset,
    });
    await withContext(
      options,
      async ({ services }) => {
        const page = await services.issues.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['#', 'severity', 'title', 'owner', 'due', 'status'],
          page.items.map((i) => [
            i.number,
            i.severity,
            i.title,
            i.owner?.name,
            i.dueAt.slice(0, 10),
            i.overdue ? 'overdue' : i.status === 'resolved' ? `resolved (${i.resolution})` : i.status,
          ]),
        );
        printFooter(page.items.length, page.total);
      },
      { prepare: false },
    );
  });
}
