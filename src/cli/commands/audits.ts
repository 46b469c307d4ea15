import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { auditListQuery, reportQuery } from '../../modules/audits/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printFooter, printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

export function registerAuditCommands(program: Command): void {
  const audits = program.command('audits').description('internal audits (clause 9.2)');
  withDatabaseOptions(
    audits
      .command('list')
      .description('list internal audits with their dates, lead auditor, progress and findings')
      .option('--status <status>', 'planned, in_progress, completed or cancelled')
      .option('--programme <id>', 'only audits of this programme')
      .option('--lead <personId>', 'only audits led by this person')
      .option('--search <text>', 'search references, titles and scopes')
      .option('--limit <n>', 'page size (max 500)', '50')
      .option('--offset <n>', 'rows to skip', '0')
      .option('--json', 'print the API response as JSON'),
  ).action(async (options) => {
    const query = parseOrThrow(auditListQuery, {
      status: options.status,
      programmeId: options.programme,
      leadAuditorId: options.lead,
      q: options.search,
      limit: options.limit,
      offset: options.offset,
    });
    await withContext(
      options,
      async ({ services }) => {
        const page = await services.audits.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['id', 'reference', 'title', 'status', 'planned', 'lead auditor', 'assessed', 'findings'],
          page.items.map((a) => [
            a.id,
            a.reference,
            a.title,
            a.status,
            `${a.plannedStart} – ${a.plannedEnd}`,
            a.leadAuditor?.name ?? '',
            `${a.progress.assessed}/${a.progress.items}`,
            a.progress.findings,
          ]),
        );
        printFooter(page.items.length, page.total);
      },
      { prepare: false },
    );
  });
  withDatabaseOptions(
    audits
      .command('report <id>')
      .description('write the audit report (details, team, independence, results, findings) as PDF or DOCX')
      .option('--format <format>', 'pdf or docx', 'pdf')
      .requiredOption('--out <file>', 'where to write the document'),
  ).action(async (id: string, options) => {
    const { format } = parseOrThrow(reportQuery, { format: options.format });
    await withContext(
      options,
      async ({ services }) => {
        const file = await services.audits.report(cliActor(), id, format);
        writeFileSync(options.out, file.body);
        process.stdout.write(`Wrote ${file.filename} (${file.body.length} bytes) to ${options.out}\n`);
      },
      { prepare: false },
    );
  });
}
