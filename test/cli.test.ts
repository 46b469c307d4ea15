import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildConfig } from '../src/config/config.js';
import { type AppContext, openContext } from '../src/context.js';
import { admin } from './support/app.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.js';

// Every step spawns the real CLI (about a second each); give the busiest tests room on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

describe.each(DIALECTS)('openaims CLI on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.drop());
  const cli = (args: string[], stdin?: string) => runCli([...args, ...database.flags], { stdin });

  it('seeds the demo once, prints the demo login, and is idempotent', async () => {
    const first = await cli(['demo']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Seeded the demo organisation: 2\d people/);
    expect(first.stdout).toContain('admin@northwind.example');
    const again = await cli(['demo']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already seeded');
  });

  it('lists registers as tables and as JSON', async () => {
    const table = await cli(['ai-systems', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Consumer Credit Scoring Model');
    const json = JSON.parse((await cli(['ai-systems', 'list', '--json', '--tier', 'high'])).stdout);
    expect(json.total).toBeGreaterThan(0);
    expect(json.items.every((s: { riskTier: string }) => s.riskTier === 'high')).toBe(true);
    const shown = await cli(['ai-systems', 'show', json.items[0].id, '--json']);
    expect(JSON.parse(shown.stdout).id).toBe(json.items[0].id);
    const risks = JSON.parse((await cli(['risks', 'list', '--json', '--limit', '500'])).stdout);
    expect(risks.total).toBeGreaterThanOrEqual(30);
    expect(JSON.parse((await cli(['vendors', 'list', '--json'])).stdout).total).toBe(6);
    expect(JSON.parse((await cli(['people', 'list', '--json'])).stdout).total).toBeGreaterThanOrEqual(25);
  });

  it('creates a user from a password on stdin and a token that works against the API', async () => {
    const created = await cli(
      [
        'user',
        'create',
        '--email',
        'Ops@Example.org',
        '--name',
        'Ops',
        '--role',
        'manager',
        '--password-stdin',
      ],
      'a password with spaces\nignored second line\n',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const token = await cli([
      'token',
      'create',
      '--email',
      'ops@example.org',
      '--name',
      'ci',
      '--expires-in',
      '90d',
    ]);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^oaims_[A-Za-z0-9_-]+\n$/);

    const config = buildConfig(
      { dataDir: database.dataDir, secret: 'x'.repeat(32) },
      database.target.dialect === 'postgres' ? { databaseUrl: database.target.url } : {},
    );
    const context: AppContext = await openContext(config, { poolSize: 2 });
    try {
      const actor = await context.services.auth.fromApiToken(token.stdout.trim());
      expect(actor).toMatchObject({ role: 'manager', label: expect.stringContaining('ops@example.org') });
      const login = await context.services.auth.login('ops@example.org', 'a password with spaces');
      expect(login.actor.role).toBe('manager');
      const tokens = await context.services.tokens.list(admin, { limit: 50, offset: 0 });
      const cliToken = tokens.items.find((t) => t.name === 'ci');
      expect(cliToken?.expiresAt).toBeTruthy();
    } finally {
      await context.close();
    }
  });

  it('fails bad input with one line on stderr and a non-zero exit', async () => {
    const cases: Array<[string[], RegExp, string?]> = [
      [
        [
          'user',
          'create',
          '--email',
          'x@example.org',
          '--name',
          'X',
          '--role',
          'emperor',
          '--password-stdin',
        ],
        /--role/,
        'long enough password\n',
      ],
      [
        ['user', 'create', '--email', 'y@example.org', '--name', 'Y', '--role', 'member', '--password-stdin'],
        /at least 12/,
        'short\n',
      ],
      [['user', 'create', '--email', 'admin@northwind.example', '--role', 'member'], /already has a login/],
      [['token', 'create', '--email', 'nobody@example.org'], /no login/],
      [['token', 'create', '--email', 'ops@example.org', '--expires-in', 'soon'], /--expires-in/],
      [['ai-systems', 'show', 'no-such-id'], /No AI system/],
      [['ai-systems', 'list', '--limit', '9999'], /--limit/],
      [['risks', 'list', '--bogus'], /unknown option '--bogus'/],
      [['user', 'create', '--email', 'z@example.org'], /required option '--role/],
    ];
    for (const [args, pattern, stdin] of cases) {
      const result = await cli(args, stdin);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toMatch(pattern);
    }
  });

  it('shows frameworks, controls and readiness, exports the SoA and adds evidence', async () => {
    const frameworks = JSON.parse((await cli(['frameworks', 'list', '--json'])).stdout);
    expect(
      frameworks.items
        .filter((f: { inScope: boolean }) => f.inScope)
        .map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual(['iso-27001-2022', 'iso-42001-2023']);
    const tree = await cli(['frameworks', 'show', 'iso-42001-2023', '--status']);
    expect(tree.stdout).toMatch(
      /^\s+A\.6\.2\.8 {2}AI system recording of event logs {2}\[(met|partial|not_met)\]$/m,
    );
    expect((await cli(['frameworks', 'show', 'iso-0000'])).stderr).toMatch(/No framework/);
    const controls = JSON.parse(
      (await cli(['controls', 'list', '--json', '--framework', 'iso-42001-2023', '--adopted'])).stdout,
    );
    expect(controls.total).toBeGreaterThan(50);
    const readiness = await cli(['readiness']);
    expect(readiness.stdout).toMatch(/ISO\/IEC 42001:2023: \d+(\.\d)?% \(/);

    const out = path.join(database.dataDir, 'soa.xlsx');
    const exported = await cli(['soa', 'export', '--format', 'xlsx', '--out', out]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toContain('soa-iso-42001-2023-v1.xlsx');
    expect(statSync(out).size).toBeGreaterThan(1000);
    expect((await cli(['soa', 'export', '--format', 'xlsx', '--out', out, '--version', '9'])).stderr).toMatch(
      /No SoA version/,
    );
    expect((await cli(['soa', 'export', '--format', 'odt', '--out', out])).stderr).toMatch(/--format/);

    const file = path.join(database.dataDir, 'board-minutes.txt');
    writeFileSync(file, 'The board approved the AI policy.');
    const added = await cli([
      'evidence',
      'add',
      '--control',
      'AIMS-GOV-01',
      '--file',
      file,
      '--valid-until',
      '2099-12-31',
    ]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/Added evidence .* \(sha256 [0-9a-f]{64}\) to AIMS-GOV-01/);
    expect((await cli(['evidence', 'add', '--control', 'AIMS-NOPE-01', '--file', file])).stderr).toMatch(
      /controlIds\[0\]/,
    );
    expect(
      (await cli(['evidence', 'add', '--control', 'AIMS-GOV-01', '--file', '/nonexistent'])).stderr,
    ).toMatch(/--file/);
  });

  it('verifies the trail and exits non-zero once a row is tampered with', async () => {
    const ok = await cli(['trail', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: \d+ trail entries verified/);
    const config = buildConfig(
      { dataDir: database.dataDir },
      database.target.dialect === 'postgres' ? { databaseUrl: database.target.url } : {},
    );
    const context = await openContext(config, { prepare: false, poolSize: 1 });
    try {
      await context.db.kysely
        .updateTable('trail')
        .set({ actor_label: 'mallory' })
        .where('seq', '=', 10)
        .execute();
    } finally {
      await context.close();
    }
    const broken = await cli(['trail', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at entry 10/);
  });
});

describe('openaims CLI basics', () => {
  it('lists its commands in --help', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'serve',
      'init',
      'migrate',
      'demo',
      'user',
      'token',
      'trail',
      'ai-systems',
      'risks',
      'vendors',
      'people',
    ]) {
      expect(help.stdout).toContain(command);
    }
  });

  it('rejects an invalid setting with one line naming it', async () => {
    const result = await runCli(['init', '--database-url', 'mysql://nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^openaims: Invalid OPENAIMS_DATABASE_URL: must be a postgres/);
  });
});
