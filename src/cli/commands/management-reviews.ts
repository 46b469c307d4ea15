import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { INPUT_SECTIONS } from '../../modules/management-reviews/inputs/sections.js';
import { reviewListQuery } from '../../modules/management-reviews/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printFooter, printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

const exportOptions = z.object({ format: z.enum(['pdf', 'docx']) }).strict();

/** `openaims reviews …`: management reviews (9.3). */
export function registerManagementReviewCommands(program: Command): void {
  const reviews = program.command('reviews').description('management reviews');
  withDatabaseOptions(
    reviews
      .command('list')
      .description('list management reviews with their status, chair, inputs covered and open actions')
      .option('--status <status>', 'planned, in_progress, completed or cancelled')
      .option('--limit <n>', 'page size (max 500)', '50')
      .option('--offset <n>', 'rows to skip', '0')
      .option('--json', 'print the API response as JSON'),
  ).action(async (options) => {
    const query = parseOrThrow(reviewListQuery, {
      status: options.status,
      limit: options.limit,
      offset: options.offset,
    });
    await withContext(
      options,
      async ({ services }) => {
        const page = await services.managementReviews.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['id', 'title', 'status', 'scheduled', 'held', 'chair', 'inputs', 'open actions'],
          page.items.map((r) => [
            r.id,
            r.title,
            r.status,
            r.scheduledFor,
            r.heldOn ?? '',
            r.chair?.name ?? '',
            r.inputsCovered
              ? 'all covered'
              : `${INPUT_SECTIONS.length - r.missingInputs.length}/${INPUT_SECTIONS.length}`,
            String(r.outputs.filter((o) => o.tracked && o.status === 'open').length),
          ]),
        );
        printFooter(page.items.length, page.total);
      },
      { prepare: false },
    );
  });
  withDatabaseOptions(
    reviews
      .command('export <id>')
      .description('write the minutes of a review as PDF or DOCX')
      .option('--format <format>', 'pdf or docx', 'pdf')
      .requiredOption('--out <file>', 'where to write the document'),
  ).action(async (id: string, options) => {
    const { format } = parseOrThrow(exportOptions, { format: options.format });
    await withContext(
      options,
      async ({ services }) => {
        const file = await services.managementReviews.exportMinutes(cliActor(), id, format);
        writeFileSync(options.out, file.body);
        process.stdout.write(`Wrote ${file.filename} (${file.body.length} bytes) to ${options.out}\n`);
      },
      { prepare: false },
    );
  });
}
