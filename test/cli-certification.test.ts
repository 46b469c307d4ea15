import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import { demoCli } from './support/cli.js';
import { DIALECTS } from './support/databases.js';

vi.setConfig({ testTimeout: 120_000 });

describe.each(DIALECTS)('openaims certification and calendar CLI on %s', (dialect) => {
  const cli = demoCli(dialect);

  it('shows the demo certificate with its cycle', async () => {
    const shown = await cli(['certification', 'show']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Northbridge Certification Services');
    for (const audit of [
      'Stage 2 audit',
      'Surveillance audit 1',
      'Surveillance audit 2',
      'Recertification audit',
    ])
      expect(shown.stdout).toContain(audit);
  });

  it('prints the readiness checklist and exits 1 while a check fails', async () => {
    const table = await cli(['certification', 'readiness']);
    expect(table.stdout).toContain('Readiness for Surveillance audit 1');
    const json = await cli(['certification', 'readiness', '--json']);
    const readiness = JSON.parse(json.stdout);
    expect(readiness.checks.length).toBeGreaterThan(10);
    // The demo keeps an open major nonconformity from its internal audit.
    expect(readiness.checks.find((c: { key: string }) => c.key === 'open_major_nonconformities').status).toBe(
      'fail',
    );
    expect(json.code).toBe(readiness.ready ? 0 : 1);
  });

  it('writes the calendar as an iCalendar file, and refuses a bad range naming the option', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'openaims-cli-')), 'aims.ics');
    const written = await cli(['calendar', '--kinds', 'external_audit,internal_audit', '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    const events = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).summary);
    expect(events).toContain('External surveillance audit 1');
    expect(events.some((e) => e.startsWith('Internal audit IA-'))).toBe(true);
    expect(written.stdout).toContain(`Wrote ${events.length} events`);
    const bad = await cli(['calendar', '--from', '2027-02-30', '--out', out]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('from');
  });
});
