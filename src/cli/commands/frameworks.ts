import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { controlListQuery } from '../../modules/controls/schema.js';
import { evidenceCreateSchema } from '../../modules/evidence/schema.js';
import { exportSoa } from '../../modules/soa/routes.js';
import { EXPORT_FORMATS, SOA_FRAMEWORKS } from '../../modules/soa/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { printFooter, printJson, printTable } from '../output.js';
import { parseOrThrow } from '../validate.js';

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.json': 'application/json',
  '.yaml': 'text/yaml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function registerFrameworkCommands(program: Command): void {
  const frameworks = program.command('frameworks').description('framework catalogues and their live status');
  withDatabaseOptions(
    frameworks.command('list').description('list frameworks').option('--json', 'print JSON'),
  ).action(async (options) => {
    await withContext(options, async ({ services }) => {
      const { items } = await services.frameworks.list(cliActor());
      if (options.json) return printJson({ items });
      printTable(
        ['id', 'name', 'in scope', 'requirements'],
        items.map((f) => [f.id, f.name, f.inScope ? 'yes' : 'no', f.requirementCount]),
      );
    });
  });
  withDatabaseOptions(
    frameworks
      .command('show <id>')
      .description('show a framework’s requirements in document order')
      .option('--status', 'include each requirement’s live status')
      .option('--json', 'print JSON'),
  ).action(async (id: string, options) => {
    await withContext(options, async ({ services }) => {
      const tree = await services.frameworks.requirements(cliActor(), id);
      if (options.json) return printJson(tree);
      const depth = new Map<string, number>();
      for (const item of tree.items)
        depth.set(item.ref, item.parentRef ? (depth.get(item.parentRef) ?? 0) + 1 : 0);
      for (const item of tree.items) {
        const indent = '  '.repeat(depth.get(item.ref) ?? 0);
        const status = options.status ? `  [${item.status}]` : '';
        process.stdout.write(`${indent}${item.ref}  ${item.title}${status}\n`);
      }
    });
  });

  withDatabaseOptions(
    program
      .command('controls')
      .description('the control register')
      .command('list')
      .description('list controls')
      .option('--json', 'print JSON')
      .option('--framework <id>', 'only controls mapped to this framework')
      .option('--adopted', 'only adopted controls')
      .option('-q, --search <text>', 'search text')
      .option('--limit <n>', 'page size (max 500)', '500')
      .option('--offset <n>', 'rows to skip', '0'),
  ).action(async (options) => {
    const query = parseOrThrow(controlListQuery, {
      frameworkId: options.framework,
      adopted: options.adopted ? 'true' : undefined,
      q: options.search,
      limit: options.limit,
      offset: options.offset,
    });
    await withContext(options, async ({ services }) => {
      const page = await services.controls.list(cliActor(), query);
      if (options.json) return printJson(page);
      printTable(
        ['id', 'name', 'adopted', 'status', 'owner', 'operating', 'evidence'],
        page.items.map((c) => [
          c.id,
          c.name,
          c.adopted ? 'yes' : 'no',
          c.status,
          c.owner?.name,
          c.operating ? 'yes' : 'no',
          `${c.validEvidenceCount}/${c.evidenceCount}`,
        ]),
      );
      printFooter(page.items.length, page.total);
    });
  });

  withDatabaseOptions(
    program
      .command('readiness')
      .description('live readiness of every in-scope framework')
      .option('--json', 'print JSON'),
  ).action(async (options) => {
    await withContext(options, async ({ services }) => {
      const { items } = await services.readiness.current(cliActor());
      if (options.json) return printJson({ items });
      if (items.length === 0) process.stdout.write('No framework is in scope yet.\n');
      for (const r of items) {
        process.stdout.write(
          `${r.name}: ${r.percent}% (${r.counts.met} met, ${r.counts.partial} partial, ${r.counts.not_met} not met, ${r.counts.not_applicable} not applicable)\n`,
        );
        printTable(
          ['section', 'title', 'readiness', 'met', 'partial', 'not met'],
          r.groups.map((g) => [
            g.ref,
            g.title,
            `${g.percent}%`,
            g.counts.met,
            g.counts.partial,
            g.counts.not_met,
          ]),
        );
      }
    });
  });

  const soa = program.command('soa').description('the Statement of Applicability');
  withDatabaseOptions(
    soa
      .command('export')
      .description('export the SoA; without --version, the latest approved version or the draft marked DRAFT')
      .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
      .requiredOption('--out <file>', 'file to write')
      .option('--version <n>', 'an approved version number')
      .option('--framework <id>', SOA_FRAMEWORKS.join(' | '), 'iso-42001-2023'),
  ).action(async (options) => {
    if (!(EXPORT_FORMATS as readonly string[]).includes(options.format))
      throw new Error(`--format: must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (!(SOA_FRAMEWORKS as readonly string[]).includes(options.framework))
      throw new Error(`--framework: must be one of ${SOA_FRAMEWORKS.join(', ')}`);
    const version = options.version === undefined ? undefined : Number(options.version);
    if (version !== undefined && (!Number.isInteger(version) || version < 1))
      throw new Error('--version: must be a positive whole number');
    await withContext(options, async ({ db, services }) => {
      const file = await exportSoa(db, services.soa, cliActor(), options.framework, options.format, version);
      await writeFile(options.out, file.body);
      process.stdout.write(`Wrote ${options.out} (${file.filename}, ${file.body.length} bytes).\n`);
    });
  });

  withDatabaseOptions(
    program
      .command('evidence')
      .description('the evidence repository')
      .command('add')
      .description('upload a file as evidence for a control')
      .requiredOption('--control <id>', 'the control’s id (e.g. AIMS-GOV-01)')
      .requiredOption('--file <path>', 'the file to upload')
      .option('--title <title>', 'title (default: the file name)')
      .option('--valid-until <date>', 'last day the evidence is valid (YYYY-MM-DD)'),
  ).action(async (options) => {
    const size = await stat(options.file).catch(() => undefined);
    if (!size?.isFile()) throw new Error(`--file: ${options.file} is not a readable file`);
    const filename = path.basename(options.file);
    const input = parseOrThrow(evidenceCreateSchema, {
      title: options.title ?? filename,
      kind: 'file',
      controlIds: [options.control],
      validUntil: options.validUntil,
    });
    await withContext(options, async ({ services }) => {
      const created = await services.evidence.create(cliActor(), input);
      const uploaded = await services.evidence.upload(
        cliActor(),
        created.id,
        {
          stream: createReadStream(options.file),
          filename,
          contentType: CONTENT_TYPES[path.extname(filename).toLowerCase()] ?? 'application/octet-stream',
        },
        { validUntil: input.validUntil },
      );
      process.stdout.write(
        `Added evidence ${uploaded.id} (sha256 ${uploaded.latest?.sha256}) to ${options.control}.\n`,
      );
    });
  });
}
