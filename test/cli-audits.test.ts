import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { demoCli } from './support/cli.js';
import { DIALECTS } from './support/databases.js';

vi.setConfig({ testTimeout: 120_000 });

describe.each(DIALECTS)('openaims audits CLI on %s', (dialect) => {
  const cli = demoCli(dialect);

  it('lists the demo audits and filters them by status', async () => {
    const all = JSON.parse((await cli(['audits', 'list', '--json'])).stdout);
    expect(all.total).toBe(2);
    const completed = JSON.parse((await cli(['audits', 'list', '--status', 'completed', '--json'])).stdout);
    expect(completed.items).toHaveLength(1);
    expect(completed.items[0].progress.findings).toBe(6);
    const table = await cli(['audits', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Grace Mensah');
  });

  it('writes the report of an audit, and refuses an unknown format clearly', async () => {
    const completed = JSON.parse((await cli(['audits', 'list', '--status', 'completed', '--json'])).stdout);
    const audit = completed.items[0];
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'openaims-cli-')), 'audit.pdf');
    const written = await cli(['audits', 'report', audit.id, '--format', 'pdf', '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain(`internal-audit-${audit.reference}.pdf`);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const refused = await cli(['audits', 'report', audit.id, '--format', 'odt', '--out', out]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('format');
  });
});
