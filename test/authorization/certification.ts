import { addDays, addMonths, todayIso } from '../../src/lib/time.js';
import { admin } from '../support/app.js';
import { EDITORS_OF_OTHERS, type MatrixPart, READERS } from './part.js';

const today = todayIso();

/** Certification, the AIMS calendar (JSON, iCalendar, feed tokens) and the PDCA summary. */
export const certificationPart: MatrixPart = {
  expected: {
    'GET /api/certification': READERS,
    'PUT /api/certification': EDITORS_OF_OTHERS,
    'POST /api/certification/cycle': EDITORS_OF_OTHERS,
    'GET /api/certification/readiness': READERS,
    'POST /api/certification/external-audits': EDITORS_OF_OTHERS,
    'PATCH /api/certification/external-audits/:auditId': EDITORS_OF_OTHERS,
    'DELETE /api/certification/external-audits/:auditId': EDITORS_OF_OTHERS,
    'GET /api/calendar': READERS,
    'GET /api/calendar.ics': READERS,
    'GET /api/calendar/feed-token': READERS,
    'POST /api/calendar/feed-token': READERS,
    'DELETE /api/calendar/feed-token': READERS,
    'GET /api/pdca': READERS,
  },

  async prepare(t) {
    await t.context.services.certification.save(admin, {
      frameworkId: 'iso-42001-2023',
      body: 'Matrix Certification Ltd',
      certificateNumber: 'M-1',
      scope: '',
      issuedOn: addMonths(today, -1),
    });
  },

  async fixture(t, route) {
    const [method, path = ''] = route.split(' ');
    const window = { plannedStart: addDays(today, 40), plannedEnd: addDays(today, 41) };
    switch (path) {
      case '/api/certification':
        return {
          url: path,
          body:
            method === 'PUT'
              ? { body: 'Matrix Certification Ltd', issuedOn: addMonths(today, -1) }
              : undefined,
        };
      case '/api/certification/external-audits':
        return { url: path, body: { kind: 'stage1', ...window } };
      case '/api/certification/external-audits/:auditId': {
        const audit = await t.context.services.certification.addExternalAudit(admin, {
          kind: 'stage2',
          status: 'planned',
          leadAuditor: '',
          result: '',
          ...window,
        });
        return {
          url: path.replace(':auditId', audit.id),
          body: method === 'PATCH' ? { leadAuditor: 'A. Lead' } : undefined,
        };
      }
      case '/api/certification/cycle':
      case '/api/certification/readiness':
      case '/api/calendar':
      case '/api/calendar.ics':
      case '/api/calendar/feed-token':
      case '/api/pdca':
        return { url: path };
      default:
        return undefined;
    }
  },
};
