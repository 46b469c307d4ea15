import { describe, expect, it, vi } from 'vitest';
import { demoCli } from './support/cli.js';
import { DIALECTS } from './support/databases.js';

vi.setConfig({ testTimeout: 120_000 });

describe.each(DIALECTS)('openaims objectives CLI on %s', (dialect) => {
  const cli = demoCli(dialect);

  it('lists the demo’s objectives, filters by standing, and measures the due automatic ones once', async () => {
    const all = JSON.parse((await cli(['objectives', 'list', '--json'])).stdout);
    expect(all.total).toBe(6);
    const due = JSON.parse(
      (await cli(['objectives', 'list', '--standing', 'measurement_due', '--json'])).stdout,
    );
    expect(due.items.map((o: { title: string }) => o.title)).toEqual([
      'AI literacy training completed by ≥ 95 % of staff',
    ]);
    const table = await cli(['objectives', 'list', '--source', 'manual']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('≤ 2 pp');

    const first = await cli(['objectives', 'measure', '--json']);
    const outcome = JSON.parse(first.stdout);
    const tried = [...outcome.measured, ...outcome.failed].map((o: { title: string }) => o.title).sort();
    expect(tried).toEqual([
      'All AI systems risk-assessed',
      'Model cards complete for deployed systems ≥ 100 %',
    ]);
    expect(first.code).toBe(outcome.failed.length > 0 ? 1 : 0);
    const second = JSON.parse((await cli(['objectives', 'measure', '--json'])).stdout);
    expect(second.measured).toEqual([]);
    const bad = await cli(['objectives', 'list', '--standing', 'late']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('standing');
  });
});
