import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { renderPlan } from '../../modules/nonconformities/plan-export.js';
import { nonconformityListQuery } from '../../modules/nonconformities/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printFooter, printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

const exportOptions = z.object({ format: z.enum(['xlsx', 'pdf']), out: z.string().min(1) });

export function registerNonconformityCommands(program: Command): void {
  const ncs = program
    .command('nonconformities')
    .description('nonconformities and their corrective actions (10.2)');
  withDatabaseOptions(
    ncs
      .command('list')
      .description('list nonconformities, most recently raised first')
      .option('--status <status>', 'open, action_planned, verifying, closed or cancelled')
      .option('--grade <grade>', 'minor or major')
      .option('--overdue', 'only those with an overdue corrective action')
      .option('--limit <n>', 'page size (max 500)', '50')
      .option('--offset <n>', 'rows to skip', '0')
      .option('--json', 'print the API response as JSON'),
  ).action(async (options) => {
    const query = parseOrThrow(nonconformityListQuery, {
      status: options.status,
      grade: options.grade,
      overdue: options.overdue ? 'true' : undefined,
      limit: options.limit,
      offset: options.offset,
    });
    await withContext(
      options,
      async ({ services }) => {
        const page = await services.nonconformities.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['reference', 'grade', 'status', 'title', 'owner', 'actions', 'overdue'],
          page.items.map((nc) => [
            nc.reference,
            nc.grade,
            nc.status.replace('_', ' '),
            nc.title,
            nc.owner?.name,
            `${nc.actionCounts.done}/${nc.actionCounts.total - nc.actionCounts.cancelled} done`,
            nc.overdue ? 'yes' : '',
          ]),
        );
        printFooter(page.items.length, page.total);
      },
      { prepare: false },
    );
  });

  const cap = program.command('cap').description('the corrective action plan');
  withDatabaseOptions(
    cap
      .command('export')
      .description('write the corrective action plan as a spreadsheet or PDF')
      .requiredOption('--format <format>', 'xlsx or pdf')
      .requiredOption('--out <file>', 'where to write the file'),
  ).action(async (options) => {
    const { format, out } = parseOrThrow(exportOptions, { format: options.format, out: options.out });
    await withContext(
      options,
      async ({ services }) => {
        const file = await renderPlan(await services.nonconformities.plan(cliActor()), format);
        await writeFile(out, file.body);
        process.stdout.write(`Wrote the corrective action plan to ${out}.\n`);
      },
      { prepare: false },
    );
  });
}
