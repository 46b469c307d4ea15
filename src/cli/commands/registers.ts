import type { Command } from 'commander';
import { aiSystemListQuery } from '../../modules/ai-systems/schema.js';
import { peopleListQuery } from '../../modules/people/schema.js';
import { riskListQuery } from '../../modules/risks/schema.js';
import { vendorListQuery } from '../../modules/vendors/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printFooter, printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

function listCommand(parent: Command, description: string): Command {
  return withDatabaseOptions(
    parent
      .command('list')
      .description(description)
      .option('--json', 'print the API response as JSON')
      .option('-q, --search <text>', 'search text')
      .option('--sort <field>', 'sort field; prefix with - for descending')
      .option('--limit <n>', 'page size (max 500)', '50')
      .option('--offset <n>', 'rows to skip', '0'),
  );
}

const paging = (o: { search?: string; sort?: string; limit: string; offset: string }) => ({
  q: o.search,
  sort: o.sort,
  limit: o.limit,
  offset: o.offset,
});

export function registerRegisterCommands(program: Command): void {
  const aiSystems = program.command('ai-systems').description('the AI system inventory');
  listCommand(aiSystems, 'list AI systems')
    .option('--stage <stage>', 'lifecycle stage filter')
    .option('--tier <tier>', 'EU AI Act risk tier filter')
    .action(async (options) => {
      const query = parseOrThrow(aiSystemListQuery, {
        ...paging(options),
        lifecycleStage: options.stage,
        riskTier: options.tier,
      });
      await withContext(options, async ({ services }) => {
        const page = await services.aiSystems.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['id', 'name', 'stage', 'tier', 'owner', 'next review'],
          page.items.map((s) => [s.id, s.name, s.lifecycleStage, s.riskTier, s.owner?.name, s.nextReviewDue]),
        );
        printFooter(page.items.length, page.total);
      });
    });
  withDatabaseOptions(
    aiSystems.command('show <id>').description('show one AI system').option('--json', 'print JSON'),
  ).action(async (id: string, options) => {
    await withContext(options, async ({ services }) => {
      const system = await services.aiSystems.get(cliActor(), id);
      if (options.json) return printJson(system);
      printTable(
        ['field', 'value'],
        [
          ['id', system.id],
          ['name', system.name],
          ['purpose', system.intendedPurpose],
          ['lifecycle stage', system.lifecycleStage],
          ['organisation role', system.organisationRole],
          ['risk tier', system.riskTier],
          ['decision autonomy', system.decisionAutonomy],
          ['owner', system.owner?.name],
          ['business unit', system.businessUnit],
          ['models', system.models.map((m) => `${m.name}${m.version ? ` ${m.version}` : ''}`).join(', ')],
          ['datasets', system.datasetIds.length],
          ['vendors', system.vendorIds.length],
          ['risks', system.riskCount],
          ['next review due', system.nextReviewDue],
        ],
      );
    });
  });

  listCommand(
    program.command('risks').description('the AI risk register'),
    'list risks (highest inherent score first)',
  )
    .option('--status <status>', 'status filter')
    .action(async (options) => {
      const query = parseOrThrow(riskListQuery, { ...paging(options), status: options.status });
      await withContext(options, async ({ services }) => {
        const page = await services.risks.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['id', 'title', 'inherent', 'residual', 'treatment', 'status', 'owner'],
          page.items.map((r) => [
            r.id,
            r.title,
            `${r.inherentScore} ${r.inherentLevel ?? ''}`,
            r.residualScore === null ? '' : `${r.residualScore} ${r.residualLevel ?? ''}`,
            r.treatment,
            r.status,
            r.owner?.name,
          ]),
        );
        printFooter(page.items.length, page.total);
      });
    });

  listCommand(program.command('vendors').description('third-party AI vendors'), 'list vendors').action(
    async (options) => {
      const query = parseOrThrow(vendorListQuery, paging(options));
      await withContext(options, async ({ services }) => {
        const page = await services.vendors.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['id', 'name', 'criticality', 'contract', 'DPA', 'next review', 'review'],
          page.items.map((v) => [
            v.id,
            v.name,
            v.criticality,
            v.contractStatus,
            v.dpaStatus,
            v.nextReviewDue,
            v.reviewStatus,
          ]),
        );
        printFooter(page.items.length, page.total);
      });
    },
  );

  listCommand(program.command('people').description('people in the organisation'), 'list people').action(
    async (options) => {
      const query = parseOrThrow(peopleListQuery, paging(options));
      await withContext(options, async ({ services }) => {
        const page = await services.people.list(cliActor(), query);
        if (options.json) return printJson(page);
        printTable(
          ['id', 'name', 'email', 'department', 'job title', 'active'],
          page.items.map((p) => [p.id, p.name, p.email, p.department, p.jobTitle, p.active ? 'yes' : 'no']),
        );
        printFooter(page.items.length, page.total);
      });
    },
  );
}
