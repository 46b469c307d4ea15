import type { Command } from 'commander';
import { measureDueObjectives } from '../../modules/objectives/scheduled.js';
import { objectiveListQuery } from '../../modules/objectives/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printFooter, printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

const sign = (direction: string) => (direction === 'at_least' ? '≥' : '≤');

export function registerObjectiveCommands(program: Command): void {
  const objectives = program
    .command('objectives')
    .description('AI objectives (clause 6.2) and their measurements');
  withDatabaseOptions(
    objectives
      .command('list')
      .description('list objectives with their target, latest value and whether a measurement is due')
      .option('--status <status>', 'active, achieved, missed or cancelled')
      .option('--source <source>', 'manual, test_pass_rate or prometheus')
      .option('--standing <standing>', 'measured, measurement_due or no_measurements')
      .option('--limit <n>', 'page size (max 500)', '50')
      .option('--offset <n>', 'rows to skip', '0')
      .option('--json', 'print the API response as JSON'),
  ).action(async (options) => {
    const query = parseOrThrow(objectiveListQuery, {
      status: options.status,
      source: options.source,
      standing: options.standing,
      limit: options.limit,
      offset: options.offset,
    });
    await withContext(
      options,
      async ({ services }) => {
        const page = await services.objectives.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['id', 'title', 'target', 'latest', 'attainment', 'standing', 'next due', 'owner'],
          page.items.map((o) => [
            o.id,
            o.title,
            `${sign(o.direction)} ${o.target} ${o.unit}`.trim(),
            o.latestMeasurement
              ? `${o.latestMeasurement.value} (${o.latestMeasurement.measuredAt.slice(0, 10)})`
              : '',
            o.attainment,
            o.standing,
            o.nextMeasurementDue,
            o.owner?.name,
          ]),
        );
        printFooter(page.items.length, page.total);
      },
      { prepare: false },
    );
  });
  withDatabaseOptions(
    objectives
      .command('measure')
      .description('measure every active automatic objective that is due (what the worker does on schedule)')
      .option('--json', 'print the outcome as JSON'),
  ).action(async (options) => {
    await withContext(
      options,
      async ({ db, secret }) => {
        const outcome = await measureDueObjectives(db, new Date(), { secret: secret || undefined });
        if (options.json) return printJson(outcome);
        for (const m of outcome.measured) process.stdout.write(`measured  ${m.title}: ${m.value}\n`);
        for (const f of outcome.failed) process.stdout.write(`failed    ${f.title}: ${f.error}\n`);
        process.stdout.write(`${outcome.measured.length} measured, ${outcome.failed.length} failed.\n`);
        if (outcome.failed.length > 0) process.exitCode = 1;
      },
      { prepare: false },
    );
  });
}
