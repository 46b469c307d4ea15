import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { calendarQuery } from '../../modules/calendar/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

const MARK = { pass: 'ok', warning: 'warn', fail: 'FAIL' } as const;

export function registerCertificationCommands(program: Command): void {
  const certification = program.command('certification').description('certification cycle and readiness');
  withDatabaseOptions(
    certification
      .command('show')
      .description('the certificate, its external audits and what prepares each of them')
      .option('--json', 'print the API response as JSON'),
  ).action(async (options) => {
    await withContext(
      options,
      async ({ services }) => {
        const state = await services.certification.get(cliActor());
        if (options.json) return printJson(state);
        const c = state.certification;
        if (!c) return process.stdout.write('No certification recorded yet.\n');
        process.stdout.write(
          `${c.body} · certificate ${c.certificateNumber || '(no number)'} · issued ${c.issuedOn ?? '-'} · expires ${c.expiresOn ?? '-'}\n`,
        );
        printTable(
          ['audit', 'from', 'to', 'status', 'lead auditor'],
          state.externalAudits.map((a) => [a.label, a.plannedStart, a.plannedEnd, a.status, a.leadAuditor]),
        );
      },
      { prepare: false },
    );
  });
  withDatabaseOptions(
    certification
      .command('readiness')
      .description(
        'the live readiness checklist for the next external audit (exit code 1 when a check fails)',
      )
      .option('--json', 'print the API response as JSON'),
  ).action(async (options) => {
    await withContext(
      options,
      async ({ services }) => {
        const readiness = await services.certification.readiness(cliActor());
        if (options.json) printJson(readiness);
        else {
          const target = readiness.target;
          process.stdout.write(
            target
              ? `Readiness for ${target.label} on ${target.plannedStart}\n`
              : 'No external audit planned.\n',
          );
          printTable(
            ['', 'check', 'detail'],
            readiness.checks.map((c) => [MARK[c.status], c.title, c.detail]),
          );
        }
        if (!readiness.ready) process.exitCode = 1;
      },
      { prepare: false },
    );
  });

  withDatabaseOptions(
    program
      .command('calendar')
      .description('write every dated AIMS obligation as an iCalendar file')
      .option('--from <day>', 'first day (YYYY-MM-DD)')
      .option('--to <day>', 'last day (YYYY-MM-DD)')
      .option('--kinds <kinds>', 'comma-separated kinds, e.g. internal_audit,corrective_action')
      .requiredOption('--out <file>', 'where to write the .ics file'),
  ).action(async (options) => {
    const query = parseOrThrow(calendarQuery, { from: options.from, to: options.to, kinds: options.kinds });
    await withContext(
      options,
      async ({ services, config }) => {
        const body = await services.calendar.ics(cliActor(), query, config.publicUrl);
        writeFileSync(options.out, body);
        const events = body.split('BEGIN:VEVENT').length - 1;
        process.stdout.write(`Wrote ${events} events to ${options.out}\n`);
      },
      { prepare: false },
    );
  });
}
