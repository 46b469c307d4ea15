import type { Role } from '../../src/modules/auth/permissions.js';
import { admin, type TestApp } from '../support/app.js';
import { type Attempt, CREATORS, EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

let counter = 0;
const DAY = '2026-06-01';

/** A fresh programme owned by the admin's person, so contributors meet the "records they own" rule. */
const freshProgramme = (t: TestApp) =>
  t.context.services.audits.programmes.create(admin, {
    name: `Programme ${++counter}`,
    cycleStart: '2026-01-01',
    ownerId: t.users.admin.personId,
  });

/** A fresh audit led by the admin's person, optionally started. */
async function freshAudit(t: TestApp, started = false) {
  const audits = t.context.services.audits;
  const audit = await audits.create(admin, {
    title: `Audit ${++counter}`,
    leadAuditorId: t.users.admin.personId,
    plannedStart: DAY,
    plannedEnd: DAY,
    requirementRefs: ['9.2'],
  });
  return started ? audits.start(admin, audit.id) : audit;
}

export const auditsPart: MatrixPart = {
  expected: {
    'GET /api/audit-programmes': READERS,
    'GET /api/audit-programmes/:id': READERS,
    'POST /api/audit-programmes': CREATORS,
    'PATCH /api/audit-programmes/:id': EDITORS_OF_OTHERS,
    'DELETE /api/audit-programmes/:id': EDITORS_OF_OTHERS,
    'POST /api/audit-programmes/:id/approve': EDITORS_OF_OTHERS,
    'POST /api/audit-programmes/:id/close': EDITORS_OF_OTHERS,
    'GET /api/audit-programmes/:id/coverage': READERS,
    'GET /api/audits': READERS,
    'GET /api/audits/independence': CREATORS,
    'POST /api/audits': CREATORS,
    'GET /api/audits/:id': READERS,
    'PATCH /api/audits/:id': EDITORS_OF_OTHERS,
    'DELETE /api/audits/:id': EDITORS_OF_OTHERS,
    'POST /api/audits/:id/start': EDITORS_OF_OTHERS,
    'POST /api/audits/:id/cancel': EDITORS_OF_OTHERS,
    'POST /api/audits/:id/complete': EDITORS_OF_OTHERS,
    'PATCH /api/audits/:id/checklist/:itemId': EDITORS_OF_OTHERS,
    'GET /api/audits/:id/findings': READERS,
    'POST /api/audits/:id/findings': EDITORS_OF_OTHERS,
    'GET /api/audits/:id/report': READERS,
  },

  async fixture(t: TestApp, route: string, role: Role): Promise<Attempt | undefined> {
    const [method, path = ''] = route.split(' ');
    const programmeUrl = async () => path.replace(':id', (await freshProgramme(t)).id);
    const auditUrl = async (started = false) => path.replace(':id', (await freshAudit(t, started)).id);
    switch (path) {
      case '/api/audit-programmes':
        return {
          url: path,
          body: method === 'POST' ? { name: 'New programme', cycleStart: '2026-01-01' } : undefined,
        };
      case '/api/audit-programmes/:id':
        return {
          url: await programmeUrl(),
          body: method === 'PATCH' ? { objectives: 'Changed' } : undefined,
        };
      case '/api/audit-programmes/:id/approve':
      case '/api/audit-programmes/:id/coverage':
        return { url: await programmeUrl() };
      case '/api/audit-programmes/:id/close': {
        const programme = await freshProgramme(t);
        await t.context.services.audits.programmes.approve(admin, programme.id);
        return { url: path.replace(':id', programme.id) };
      }
      case '/api/audits':
        return {
          url: path,
          body:
            method === 'POST'
              ? {
                  title: 'Planned',
                  leadAuditorId: t.users[role].personId,
                  plannedStart: DAY,
                  plannedEnd: DAY,
                  requirementRefs: ['10'],
                }
              : undefined,
        };
      case '/api/audits/independence':
        return { url: `${path}?leadAuditorId=${t.users[role].personId}&requirementRefs=9` };
      case '/api/audits/:id':
        return { url: await auditUrl(), body: method === 'PATCH' ? { scope: 'Changed' } : undefined };
      case '/api/audits/:id/start':
      case '/api/audits/:id/cancel':
        return { url: await auditUrl() };
      case '/api/audits/:id/report':
        return { url: `${await auditUrl()}?format=pdf` };
      case '/api/audits/:id/findings':
        return method === 'POST'
          ? { url: await auditUrl(true), body: { type: 'observation', description: 'Seen' } }
          : { url: await auditUrl() };
      case '/api/audits/:id/complete': {
        const audit = await freshAudit(t, true);
        for (const item of audit.checklist)
          await t.context.services.audits.updateChecklistItem(admin, audit.id, item.id, {
            result: 'conforming',
          });
        return { url: path.replace(':id', audit.id), body: { conclusion: 'Effective.' } };
      }
      case '/api/audits/:id/checklist/:itemId': {
        const audit = await freshAudit(t, true);
        return {
          url: path.replace(':id', audit.id).replace(':itemId', audit.checklist[0]?.id ?? ''),
          body: { result: 'observation', notes: 'Seen' },
        };
      }
      default:
        return undefined;
    }
  },
};
