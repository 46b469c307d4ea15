import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { demoCli } from './support/cli.js';
import { DIALECTS } from './support/databases.js';

vi.setConfig({ testTimeout: 120_000 });

describe.each(DIALECTS)('openaims policies CLI on %s', (dialect) => {
  const cli = demoCli(dialect);

  it('lists the demo’s policies with review and acknowledgement, and filters overdue reviews', async () => {
    const all = JSON.parse((await cli(['policies', 'list', '--json'])).stdout);
    expect(all.total).toBe(11);
    const overdue = JSON.parse(
      (await cli(['policies', 'list', '--review-status', 'overdue', '--json'])).stdout,
    );
    expect(overdue.items.map((p: { title: string }) => p.title)).toEqual(['AI risk management policy']);
    const table = await cli(['policies', 'list', '--status', 'published']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('AI policy');
    expect(table.stdout).toContain('v2');
  });

  it('exports the version in force as a Word document, and refuses an unknown format clearly', async () => {
    const all = JSON.parse((await cli(['policies', 'list', '--json'])).stdout);
    const aiPolicy = all.items.find((p: { title: string }) => p.title === 'AI policy');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'openaims-cli-')), 'ai-policy.docx');
    const written = await cli(['policies', 'export', aiPolicy.id, '--format', 'docx', '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('ai-policy-v2.docx');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const bad = await cli(['policies', 'export', aiPolicy.id, '--format', 'odt', '--out', out]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('format');
  });
});
