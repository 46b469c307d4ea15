import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { demoCli } from './support/cli.js';
import { DIALECTS } from './support/databases.js';

vi.setConfig({ testTimeout: 120_000 });

describe.each(DIALECTS)('openaims reviews CLI on %s', (dialect) => {
  const cli = demoCli(dialect);

  it('lists the demo’s reviews, as a table and as JSON', async () => {
    const all = JSON.parse((await cli(['reviews', 'list', '--json'])).stdout);
    expect(all.items.map((r: { title: string; status: string }) => [r.title, r.status])).toEqual([
      ['Management review H2', 'planned'],
      ['Management review H1', 'completed'],
      ['Management review 2025', 'completed'],
    ]);
    const table = await cli(['reviews', 'list', '--status', 'completed']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Management review H1');
    expect(table.stdout).toContain('all covered');
    expect(table.stdout).not.toContain('Management review H2');
  });

  it('exports the minutes as PDF and Word, and refuses an unknown format', async () => {
    const all = JSON.parse((await cli(['reviews', 'list', '--status', 'completed', '--json'])).stdout);
    const dir = mkdtempSync(path.join(tmpdir(), 'openaims-cli-'));
    const docx = path.join(dir, 'minutes.docx');
    const written = await cli(['reviews', 'export', all.items[0].id, '--format', 'docx', '--out', docx]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('management-review-h1.docx');
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const pdf = path.join(dir, 'minutes.pdf');
    expect((await cli(['reviews', 'export', all.items[0].id, '--out', pdf])).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await cli(['reviews', 'export', all.items[0].id, '--format', 'odt', '--out', pdf]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('format');
  });
});
