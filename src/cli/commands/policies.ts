import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { policyListQuery } from '../../modules/policies/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printFooter, printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

const exportOptions = z
  .object({ version: z.coerce.number().int().min(1).optional(), format: z.enum(['pdf', 'docx']) })
  .strict();

export function registerPolicies(program: Command): void {
  const policies = program.command('policies').description('the policy register');
  withDatabaseOptions(
    policies
      .command('list')
      .description('list policies with their status, version in force, review and acknowledgement')
      .option('--status <status>', 'draft, in_review, approved, published or retired')
      .option('--review-status <status>', 'not_published, overdue, due_soon or current')
      .option('--limit <n>', 'page size (max 500)', '50')
      .option('--offset <n>', 'rows to skip', '0')
      .option('--json', 'print the API response as JSON'),
  ).action(async (options) => {
    const query = parseOrThrow(policyListQuery, {
      status: options.status,
      reviewStatus: options.reviewStatus,
      limit: options.limit,
      offset: options.offset,
    });
    await withContext(
      options,
      async ({ services }) => {
        const page = await services.policies.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['id', 'title', 'status', 'in force', 'next review', 'acknowledged'],
          page.items.map((p) => [
            p.id,
            p.title,
            p.status,
            p.publishedVersion ? `v${p.publishedVersion}` : '',
            p.nextReviewDue ? `${p.nextReviewDue} (${p.reviewStatus})` : '',
            p.acknowledgements ? `${p.acknowledgements.percent}%` : '',
          ]),
        );
        printFooter(page.items.length, page.total);
      },
      { prepare: false },
    );
  });
  withDatabaseOptions(
    policies
      .command('export <id>')
      .description('write a published version (default: the one in force) as PDF or DOCX')
      .option('--version <n>', 'version number')
      .option('--format <format>', 'pdf or docx', 'pdf')
      .requiredOption('--out <file>', 'where to write the document'),
  ).action(async (id: string, options) => {
    const { version, format } = parseOrThrow(exportOptions, {
      version: options.version,
      format: options.format,
    });
    await withContext(
      options,
      async ({ services }) => {
        const actor = cliActor();
        const wanted = version ?? (await services.policies.get(actor, id)).publishedVersion;
        if (!wanted) throw new Error(`Policy ${id} has no published version yet.`);
        const file = await services.policies.exportVersion(actor, id, wanted, format);
        writeFileSync(options.out, file.body);
        process.stdout.write(`Wrote ${file.filename} (${file.body.length} bytes) to ${options.out}\n`);
      },
      { prepare: false },
    );
  });
}
