import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../src/lib/time.js';
import { createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

describe.each(DIALECTS)('vendor review-status filter on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const today = todayIso();
  const vendors = {
    'Never Ltd': {},
    'Overdue Ltd': { lastReviewAt: '2024-01-15', reviewCadenceMonths: 12 },
    'Soon Ltd': { lastReviewAt: addDays(addMonths(today, -12), 10), reviewCadenceMonths: 12 },
    'Current Ltd': { lastReviewAt: today, reviewCadenceMonths: 12 },
  };

  it('lists the vendors whose derived review status matches, agreeing with each record', async () => {
    for (const [name, fields] of Object.entries(vendors)) {
      const response = await t.request('admin', 'POST', '/api/vendors', { name, ...fields });
      expect(response.statusCode, response.body).toBe(201);
    }
    const names = async (status: string) => {
      const response = await t.request('auditor', 'GET', `/api/vendors?reviewStatus=${status}&sort=name`);
      expect(response.statusCode, response.body).toBe(200);
      const items = response.json().items as Array<{ name: string; reviewStatus: string }>;
      for (const item of items) expect(item.reviewStatus).toBe(status);
      return items.map((v) => v.name);
    };
    expect(await names('never_reviewed')).toEqual(['Never Ltd']);
    expect(await names('overdue')).toEqual(['Overdue Ltd']);
    expect(await names('due_soon')).toEqual(['Soon Ltd']);
    expect(await names('current')).toEqual(['Current Ltd']);
  });

  it('names the field when the status is unknown', async () => {
    const response = await t.request('admin', 'GET', '/api/vendors?reviewStatus=someday');
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('reviewStatus');
  });
});
