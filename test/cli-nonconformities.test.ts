import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { demoCli } from './support/cli.js';
import { DIALECTS } from './support/databases.js';

vi.setConfig({ testTimeout: 120_000 });

describe.each(DIALECTS)('openaims nonconformities CLI on %s', (dialect) => {
  const cli = demoCli(dialect);

  it('lists the demo’s nonconformities in every state, as a table and as JSON', async () => {
    const all = JSON.parse((await cli(['nonconformities', 'list', '--json'])).stdout);
    const statuses = new Set(all.items.map((n: { status: string }) => n.status));
    for (const status of ['closed', 'verifying', 'action_planned']) expect(statuses).toContain(status);
    const overdue = await cli(['nonconformities', 'list', '--overdue']);
    expect(overdue.code, overdue.stderr).toBe(0);
    expect(overdue.stdout).toContain('AI supplier contracts lack incident notification clauses');
    expect(overdue.stdout).not.toContain('retrained');
  });

  it('exports the corrective action plan as XLSX and PDF, and refuses an unknown format', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openaims-cap-'));
    for (const format of ['xlsx', 'pdf']) {
      const out = path.join(dir, `plan.${format}`);
      const written = await cli(['cap', 'export', '--format', format, '--out', out]);
      expect(written.code, written.stderr).toBe(0);
      const head = readFileSync(out).subarray(0, 4).toString('latin1');
      expect(head).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
    }
    const bad = await cli(['cap', 'export', '--format', 'docx', '--out', path.join(dir, 'x')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('format');
  });
});
