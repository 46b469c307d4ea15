import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { programmeCoverage } from '../src/modules/audits/coverage.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';
import { docxXml, pdfText } from './support/documents.js';

const FW = 'iso-42001-2023';

interface Item {
  id: string;
  ref: string;
  result: string | null;
  findingId: string | null;
}

describe.each(DIALECTS)('internal audits on %s', (dialect) => {
  let t: TestApp;
  let lead = '';
  let programmeId = '';
  const today = todayIso();
  beforeAll(async () => {
    t = await createTestApp(dialect);
    lead = t.users.contributor.personId;
  });
  afterAll(() => t.close());

  const plan = async (body: object, role: 'manager' | 'contributor' = 'manager') => {
    const response = await t.request(role, 'POST', '/api/audits', {
      title: 'Leadership and planning',
      leadAuditorId: lead,
      plannedStart: addDays(today, 7),
      plannedEnd: addDays(today, 9),
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const count = async (table: 'audits' | 'audit_findings' | 'audit_checklist_items') =>
    Number(
      (
        await t.context.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps a programme for a three-year cycle, approved by management', async () => {
    const created = await t.request('manager', 'POST', '/api/audit-programmes', {
      name: 'AIMS audit programme',
      cycleStart: '2026-01-01',
      objectives: 'Cover every clause once a year.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const programme = created.json();
    programmeId = programme.id;
    expect(programme).toMatchObject({
      frameworkId: FW,
      cycleEnd: '2028-12-31',
      status: 'draft',
      auditCount: 0,
      coverage: { planned: 0, audited: 0, percentPlanned: 0 },
    });
    expect(programme.coverage.requirements).toBeGreaterThan(40);

    const tooLong = await t.request('manager', 'PATCH', `/api/audit-programmes/${programmeId}`, {
      cycleEnd: '2030-01-01',
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0].field).toBe('cycleEnd');
    expect(
      (await t.request('contributor', 'POST', `/api/audit-programmes/${programmeId}/approve`)).statusCode,
    ).toBe(403);
    const approved = (
      await t.request('manager', 'POST', `/api/audit-programmes/${programmeId}/approve`)
    ).json();
    expect(approved).toMatchObject({ status: 'approved', approvedBy: { id: t.users.manager.personId } });
    expect(
      (await t.request('manager', 'POST', `/api/audit-programmes/${programmeId}/approve`)).statusCode,
    ).toBe(409);
    const list = (await t.request('auditor', 'GET', '/api/audit-programmes?status=approved&q=AIMS')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([programmeId]);
  });

  it('generates the checklist from the requirements in scope, narrowed by prefixes', async () => {
    const audit = await plan({
      programmeId,
      requirementRefs: ['5', 'A.2'],
      teamIds: [t.users.auditor.personId],
    });
    const year = Number(addDays(today, 7).slice(0, 4));
    expect(audit.reference).toMatch(new RegExp(`^IA-${year}-\\d{2}$`));
    const refs = audit.checklist.map((i: Item) => i.ref);
    expect(refs).toEqual(['5.1', '5.2', '5.3', 'A.2.2', 'A.2.3', 'A.2.4']);
    expect(audit.checklist[0]).toMatchObject({ group: '5', result: null, kind: 'clause' });
    expect(audit.checklist[0].auditorFocus).not.toBe('');
    expect(audit.checklist[0].typicalEvidence.length).toBeGreaterThan(0);
    expect(audit.checklist[3].group).toBe('A.2');
    expect(audit).toMatchObject({ status: 'planned', progress: { items: 6, assessed: 0, open: 6 } });
    expect(audit.team.map((p: { id: string }) => p.id)).toEqual([t.users.auditor.personId]);

    // An Annex A control the SoA excludes leaves the audit scope.
    await t.context.db.kysely
      .insertInto('soa_entries')
      .values({
        requirement_id: `${FW}:A.2.4`,
        applicable: t.context.db.dialect.bool(false),
        justification: 'Not used',
        updated_by: 'test',
        updated_at: new Date().toISOString(),
      })
      .execute();
    const narrowed = await plan({ programmeId, requirementRefs: ['A.2'] });
    expect(narrowed.checklist.map((i: Item) => i.ref)).toEqual(['A.2.2', 'A.2.3']);

    const bad = await t.request('manager', 'POST', '/api/audits', {
      title: 'x',
      leadAuditorId: lead,
      plannedStart: today,
      plannedEnd: today,
      requirementRefs: ['4', '99'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('requirementRefs.1');
  });

  it('warns when an auditor owns controls in scope and requires a justification', async () => {
    const mapped = await t.context.db.kysely
      .selectFrom('control_mappings')
      .select(['control_id'])
      .where('requirement_id', '=', `${FW}:7.2`)
      .executeTakeFirstOrThrow();
    await t.context.db.kysely
      .updateTable('controls')
      .set({ owner_id: lead })
      .where('id', '=', mapped.control_id)
      .execute();
    const query = `leadAuditorId=${lead}&requirementRefs=7.2,7.3`;
    const check = (await t.request('manager', 'GET', `/api/audits/independence?${query}`)).json();
    expect(check.requirementCount).toBe(2);
    expect(check.warnings[0]).toMatchObject({ personId: lead, personName: 'Test contributor' });
    expect(check.warnings[0].controlIds).toContain(mapped.control_id);

    const before = await count('audits');
    const refused = await t.request('manager', 'POST', '/api/audits', {
      title: 'Support',
      leadAuditorId: lead,
      plannedStart: today,
      plannedEnd: today,
      requirementRefs: ['7.2'],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('independenceJustification');
    expect(refused.json().errors[0].message).toContain('Test contributor owns');
    expect(await count('audits')).toBe(before);

    const justified = await plan({
      requirementRefs: ['7.2'],
      independenceJustification: 'The control owner audits only the records of another team.',
    });
    expect(justified.independenceWarnings[0].controls[0].id).toBe(mapped.control_id);
    // Changing the team keeps the check honest: clearing the justification is refused while it applies.
    const cleared = await t.request('manager', 'PATCH', `/api/audits/${justified.id}`, {
      independenceJustification: '',
    });
    expect(cleared.statusCode).toBe(422);
  });

  it('runs the lifecycle: start, results, findings, complete; completed audits are read-only', async () => {
    const evidence = await t.context.services.evidence.create(admin, {
      title: 'Policy',
      kind: 'note',
      note: 'n',
    });
    const audit = await plan({ programmeId, requirementRefs: ['4.1', '4.2'] }, 'contributor');
    const [first, second] = audit.checklist as Item[];
    const url = (item: Item) => `/api/audits/${audit.id}/checklist/${item.id}`;

    expect(
      (await t.request('contributor', 'PATCH', url(first as Item), { result: 'conforming' })).statusCode,
    ).toBe(409);
    expect(
      (await t.request('contributor', 'POST', `/api/audits/${audit.id}/complete`, { conclusion: 'x' }))
        .statusCode,
    ).toBe(409);
    const started = await t.request('contributor', 'POST', `/api/audits/${audit.id}/start`);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress' });

    const badEvidence = await t.request('contributor', 'PATCH', url(first as Item), {
      sampledEvidenceIds: [evidence.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(badEvidence.statusCode).toBe(422);
    expect(badEvidence.json().errors[0].field).toBe('sampledEvidenceIds.1');

    const minor = await t.request('contributor', 'PATCH', url(first as Item), {
      result: 'minor_nc',
      notes: 'Context review is two years old.',
      sampledEvidenceIds: [evidence.id],
    });
    expect(minor.statusCode, minor.body).toBe(200);
    const withFinding = minor.json();
    expect(withFinding.checklist[0]).toMatchObject({
      result: 'minor_nc',
      sampledEvidence: [{ id: evidence.id, title: 'Policy' }],
      assessedBy: { id: lead },
    });
    expect(withFinding.findings).toHaveLength(1);
    expect(withFinding.findings[0]).toMatchObject({
      type: 'minor_nc',
      description: 'Context review is two years old.',
      requirementRef: '4.1',
      nonconformityId: null,
    });
    const major = (
      await t.request('contributor', 'PATCH', url(first as Item), { result: 'major_nc' })
    ).json();
    expect(major.findings).toHaveLength(1);
    expect(major.findings[0].type).toBe('major_nc');

    const open = await t.request('contributor', 'POST', `/api/audits/${audit.id}/complete`, {
      conclusion: 'Done',
    });
    expect(open.statusCode).toBe(409);
    expect(open.json().detail).toContain('1 checklist item(s) have no result');

    // A nonconformity raised from the finding pins it: the result can no longer go back to conforming.
    const findingId = major.findings[0].id;
    await t.context.db.kysely
      .insertInto('nonconformities')
      .values({
        id: '11111111-1111-4111-8111-111111111111',
        reference: 'NC-2026-901',
        ref_year: 2026,
        ref_number: 901,
        title: 'Stale context',
        description: '',
        source: 'audit_finding',
        source_id: findingId,
        requirement_id: null,
        grade: 'major',
        status: 'open',
        containment: '',
        correction: '',
        root_cause_whys: '[]',
        root_cause: '',
        owner_id: null,
        raised_by: 'test',
        raised_on: today,
        closed_at: null,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    await t.context.db.kysely
      .updateTable('audit_findings')
      .set({ nonconformity_id: '11111111-1111-4111-8111-111111111111' })
      .where('id', '=', findingId)
      .execute();
    const pinned = await t.request('contributor', 'PATCH', url(first as Item), { result: 'conforming' });
    expect(pinned.statusCode).toBe(409);
    const findings = (await t.request('auditor', 'GET', `/api/audits/${audit.id}/findings`)).json();
    expect(findings.items[0]).toMatchObject({ nonconformityReference: 'NC-2026-901' });

    // An observation withdrawn before anything was raised from it disappears with it.
    await t.request('contributor', 'PATCH', url(second as Item), {
      result: 'observation',
      notes: 'Watch this',
    });
    const withdrawn = (
      await t.request('contributor', 'PATCH', url(second as Item), { result: 'conforming' })
    ).json();
    expect(withdrawn.findings).toHaveLength(1);

    const adHoc = await t.request('contributor', 'POST', `/api/audits/${audit.id}/findings`, {
      type: 'opportunity',
      description: 'Automate the context review reminder.',
      requirementId: `${FW}:4.1`,
    });
    expect(adHoc.statusCode, adHoc.body).toBe(201);
    expect(adHoc.json()).toMatchObject({ checklistItemId: null, requirementRef: '4.1' });
    const badRequirement = await t.request('contributor', 'POST', `/api/audits/${audit.id}/findings`, {
      type: 'opportunity',
      description: 'x',
      requirementId: 'nope',
    });
    expect(badRequirement.statusCode).toBe(422);

    const noConclusion = await t.request('contributor', 'POST', `/api/audits/${audit.id}/complete`, {});
    expect(noConclusion.statusCode).toBe(422);
    expect(noConclusion.json().errors[0].field).toBe('conclusion');
    const done = await t.request('contributor', 'POST', `/api/audits/${audit.id}/complete`, {
      conclusion: 'The AIMS is effectively implemented apart from one major nonconformity.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', progress: { open: 0, findings: 2 } });

    expect((await t.request('manager', 'PATCH', `/api/audits/${audit.id}`, { title: 'x' })).statusCode).toBe(
      409,
    );
    expect((await t.request('contributor', 'PATCH', url(second as Item), { notes: 'late' })).statusCode).toBe(
      409,
    );
    expect((await t.request('manager', 'DELETE', `/api/audits/${audit.id}`)).statusCode).toBe(409);

    const coverage = (
      await t.request('auditor', 'GET', `/api/audit-programmes/${programmeId}/coverage`)
    ).json();
    const row = coverage.requirements.find((r: { ref: string }) => r.ref === '4.1');
    expect(row).toMatchObject({ planned: true, audited: true });
    expect(row.audits[0]).toMatchObject({
      reference: audit.reference,
      status: 'completed',
      result: 'major_nc',
    });
    expect(coverage.gaps.map((g: { ref: string }) => g.ref)).toContain('10.2');
    expect(coverage.gaps.map((g: { ref: string }) => g.ref)).not.toContain('5.2');
    const direct = await programmeCoverage(t.context.db.kysely, programmeId);
    expect(direct.totals).toEqual(coverage.totals);
    expect(direct.totals.audited).toBe(2);

    const pdf = await t.request('auditor', 'GET', `/api/audits/${audit.id}/report?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(audit.reference);
    expect(text).toContain('Major nonconformity');
    expect(text).toContain('NC-2026-901');
    const docx = await t.request('auditor', 'GET', `/api/audits/${audit.id}/report?format=docx`);
    const xml = await docxXml(docx.rawPayload);
    expect(xml).toContain('effectively implemented');
    expect(xml).toContain('Independence of the auditors');
  });

  it('lists with filters and search, and enforces the lead-auditor rule for contributors', async () => {
    const other = await plan({
      leadAuditorId: t.users.manager.personId,
      title: 'Operations audit',
      requirementRefs: ['8'],
    });
    const page = (
      await t.request('auditor', 'GET', `/api/audits?leadAuditorId=${t.users.manager.personId}`)
    ).json();
    expect(page.items.map((a: { id: string }) => a.id)).toEqual([other.id]);
    expect(page.items[0].checklist).toBeUndefined();
    expect(page.items[0].progress.items).toBe(4);
    const searched = (await t.request('auditor', 'GET', '/api/audits?q=Operations&status=planned')).json();
    expect(searched.total).toBe(1);
    const sorted = (await t.request('auditor', 'GET', '/api/audits?sort=reference&limit=2')).json();
    expect(sorted.items).toHaveLength(2);
    expect(sorted.total).toBeGreaterThan(2);

    expect(
      (await t.request('contributor', 'PATCH', `/api/audits/${other.id}`, { title: 'Mine' })).statusCode,
    ).toBe(403);
    expect((await t.request('contributor', 'POST', `/api/audits/${other.id}/start`)).statusCode).toBe(403);
    const forOthers = await t.request('contributor', 'POST', '/api/audits', {
      title: 'x',
      leadAuditorId: t.users.manager.personId,
      plannedStart: today,
      plannedEnd: today,
    });
    expect(forOthers.statusCode).toBe(403);
    expect((await t.request('auditor', 'GET', '/api/audits/not-an-id')).statusCode).toBe(404);
    expect((await t.request('member', 'GET', '/api/audits')).statusCode).toBe(403);

    const cancelled = await t.request('manager', 'POST', `/api/audits/${other.id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await t.request('manager', 'POST', `/api/audits/${other.id}/start`)).statusCode).toBe(409);
    expect((await t.request('manager', 'DELETE', `/api/audits/${other.id}`)).statusCode).toBe(204);
  });

  it('regenerates the checklist of a planned audit and closes a programme read-only', async () => {
    const audit = await plan({ programmeId, requirementRefs: ['6.1'] });
    const replanned = await t.request('manager', 'PATCH', `/api/audits/${audit.id}`, {
      requirementRefs: ['6.2', '6.3'],
    });
    expect(replanned.statusCode, replanned.body).toBe(200);
    expect(replanned.json().checklist.map((i: Item) => i.ref)).toEqual(['6.2', '6.3']);
    await t.request('manager', 'POST', `/api/audits/${audit.id}/start`);
    const late = await t.request('manager', 'PATCH', `/api/audits/${audit.id}`, { requirementRefs: ['6'] });
    expect(late.statusCode).toBe(409);

    expect((await t.request('manager', 'DELETE', `/api/audit-programmes/${programmeId}`)).statusCode).toBe(
      409,
    );
    const closed = await t.request('manager', 'POST', `/api/audit-programmes/${programmeId}/close`);
    expect(closed.json().status).toBe('closed');
    expect(
      (await t.request('manager', 'PATCH', `/api/audit-programmes/${programmeId}`, { name: 'x' })).statusCode,
    ).toBe(409);
    const intoClosed = await t.request('manager', 'POST', '/api/audits', {
      title: 'x',
      programmeId,
      leadAuditorId: lead,
      plannedStart: today,
      plannedEnd: today,
    });
    expect(intoClosed.statusCode).toBe(422);
    expect(intoClosed.json().errors[0].field).toBe('programmeId');
  });
});
