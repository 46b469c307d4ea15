import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  choose,
  expectAccessible,
  navigate,
  screenshot,
  startWebServer,
  type WebServer,
} from './support/web.js';

// Each test walks a whole workflow through several pages; on a busy two-core machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

/** The registers (AI systems, vendors, datasets, people, risks) and their forms, in a real browser. */
describe('web registers', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  }, 120_000);
  afterAll(() => server?.close());

  it('creates an AI system, lists it and opens its detail page with tests, risks and history', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'AI systems');
    await page.getByRole('cell', { name: 'Consumer Credit Scoring Model' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'registers-ai-systems');

    await page.getByRole('button', { name: 'New AI system' }).click();
    const dialog = page.getByRole('dialog', { name: 'New AI system' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('E2E Fraud Screening');
    await choose(dialog, 'Lifecycle stage', 'Design');
    await choose(dialog, 'EU AI Act risk tier', 'High');
    await choose(dialog, 'Owner', 'Priya Raman', 'Priya');
    await dialog.getByRole('textbox', { name: 'Intended purpose' }).fill('Flags card payments for review.');
    await dialog.getByRole('button', { name: 'Create AI system' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const link = page.getByRole('link', { name: 'E2E Fraud Screening' });
    await link.click();
    await page.getByRole('heading', { name: 'E2E Fraud Screening' }).waitFor();
    const overview = page.getByRole('region', { name: 'Overview' });
    expect(await overview.textContent()).toContain('Flags card payments for review.');
    expect(await overview.textContent()).toContain('Priya Raman');
    const history = page.getByRole('table', { name: 'Change history' });
    await history.getByRole('cell', { name: 'create' }).waitFor();

    // Editing sends only what changed, and the history says who changed what.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit E2E Fraud Screening' });
    await edit.getByRole('textbox', { name: 'Business unit' }).fill('Payments');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await history.getByRole('cell', { name: /businessUnit: — → "Payments"/ }).waitFor();
    expect(await history.getByRole('cell', { name: 'admin@northwind.example' }).count()).toBe(2);
    expect(await overview.textContent()).toContain('Payments');

    // Models are edited as a list; a missing name is refused next to its field.
    await page.getByRole('button', { name: 'Edit models' }).click();
    const models = page.getByRole('dialog', { name: 'Models of E2E Fraud Screening' });
    await models.getByRole('button', { name: 'Add model' }).click();
    await models.getByRole('textbox', { name: 'Version' }).fill('2.1');
    await models.getByRole('button', { name: 'Save models' }).click();
    const modelName = models.getByRole('textbox', { name: 'Name' });
    await expect.poll(() => modelName.getAttribute('aria-invalid')).toBe('true');
    await modelName.fill('fraud-gbm');
    await choose(models, 'Provider (empty: built in-house)', 'Aurora Language Systems', 'Aurora');
    await models.getByRole('button', { name: 'Save models' }).click();
    await models.waitFor({ state: 'hidden' });
    const modelTable = page.getByRole('table', { name: 'Models' });
    await modelTable.getByRole('cell', { name: 'fraud-gbm' }).waitFor();
    expect(await modelTable.textContent()).toContain('Aurora Language Systems');

    // A demo system with links, risks and monitoring results.
    await page.getByRole('link', { name: 'All AI systems' }).click();
    await page.getByRole('link', { name: 'Consumer Credit Scoring Model' }).click();
    await page.getByRole('heading', { name: 'Consumer Credit Scoring Model' }).waitFor();
    const tests = page.getByRole('table', { name: 'Automated test results' });
    await tests.waitFor();
    const testLink = tests.getByRole('link').first();
    expect(await testLink.getAttribute('href')).toMatch(/^\/tests\/.+/);
    expect(await tests.textContent()).toMatch(/Pass|Fail/);
    const risks = page.getByRole('table', { name: 'Risks of this system' });
    await expect.poll(() => risks.getByRole('link').count()).toBeGreaterThan(0);
    expect(await risks.getByRole('link').first().getAttribute('href')).toMatch(/^\/risks\?risk=/);
    expect(
      await page.getByRole('region', { name: 'Datasets and vendors' }).getByRole('link').count(),
    ).toBeGreaterThan(0);
    const evidence = page.getByRole('table', { name: 'Evidence for this system' });
    await expect.poll(() => evidence.getByRole('link').count()).toBeGreaterThan(0);
    expect(await evidence.getByRole('link').first().getAttribute('href')).toMatch(/^\/evidence\?evidence=/);
    await expectAccessible(page);
    await screenshot(page, 'registers-ai-system-detail');
    await page.close();
  });

  it('gives a contributor edit controls on the records they own and none on the others', async () => {
    const page = await server.signIn('contributor');
    await navigate(page, 'AI systems');
    await page.getByRole('link', { name: 'Consumer Credit Scoring Model' }).click();
    await page.getByRole('heading', { name: 'Consumer Credit Scoring Model' }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit models' }).count()).toBe(1);

    await page.getByRole('link', { name: 'All AI systems' }).click();
    await page.getByRole('link', { name: 'Real-time Card Fraud Detection' }).click();
    await page.getByRole('heading', { name: 'Real-time Card Fraud Detection' }).waitFor();
    await page.getByRole('region', { name: 'Overview' }).waitFor();
    expect(await page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await page.close();
  });

  it('shows the API’s field error next to the field, then creates the vendor', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Vendors');
    await page.getByRole('table', { name: 'Vendors' }).getByRole('link').first().waitFor();
    await page.getByRole('button', { name: 'New vendor' }).click();
    const dialog = page.getByRole('dialog', { name: 'New vendor' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('E2E Labelling Co');
    const website = dialog.getByRole('textbox', { name: 'Website' });
    await website.fill('not a url');
    await choose(dialog, 'Criticality', 'High');
    await dialog.getByRole('button', { name: 'Create vendor' }).click();
    await expect.poll(() => website.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await website.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('error'));
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('must be a URL');

    await website.fill('https://labelling.example');
    await dialog.getByRole('button', { name: 'Create vendor' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'E2E Labelling Co' }).click();
    const drawer = page.getByRole('dialog', { name: 'E2E Labelling Co' });
    await drawer.getByText('https://labelling.example').waitFor();
    expect(await drawer.textContent()).toContain('High');
    await page.keyboard.press('Escape');

    // Filters live in the URL.
    await choose(page, 'Criticality', 'High');
    await expect.poll(() => page.url()).toContain('criticality=high');
    await page.getByRole('link', { name: 'E2E Labelling Co' }).waitFor();
    await page.goto(`${server.base}/vendors`);
    await page.getByRole('table', { name: 'Vendors' }).getByRole('link').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'registers-vendors');
    await page.close();
  });

  it('creates a risk from a scenario, finds it through the heat map and treats it', async () => {
    const page = await server.signIn('admin');
    const scenario = (await (
      await page.request.get(`${server.base}/api/risk-scenarios/RS-BIAS-01`)
    ).json()) as {
      title: string;
      defaultLikelihood: number;
      defaultImpact: number;
    };
    await navigate(page, 'Risks');
    await page.getByRole('table', { name: 'Risk heat map' }).waitFor();
    await page.getByRole('button', { name: 'New risk from a scenario' }).click();
    const dialog = page.getByRole('dialog', { name: 'New risk from a scenario' });
    await choose(dialog, 'Scenario', /^RS-BIAS-01 /, 'RS-BIAS-01');
    const title = dialog.getByRole('textbox', { name: 'Title' });
    await expect.poll(() => title.inputValue()).toBe(scenario.title);
    expect(await dialog.getByRole('textbox', { name: 'Likelihood' }).inputValue()).toMatch(
      new RegExp(`^${scenario.defaultLikelihood}`),
    );
    await title.fill('E2E bias in fraud flags');
    await choose(dialog, 'AI systems', 'Consumer Credit Scoring Model', 'Consumer Credit');
    await choose(dialog, 'Owner', 'Priya Raman', 'Priya');
    await dialog.getByRole('button', { name: 'Create risk' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page
      .getByRole('button', {
        name: new RegExp(`^Likelihood ${scenario.defaultLikelihood}, impact ${scenario.defaultImpact}:`),
      })
      .click();
    await expect
      .poll(() => page.url())
      .toContain(`likelihood=${scenario.defaultLikelihood}&impact=${scenario.defaultImpact}`);
    const register = page.getByRole('table', { name: 'Risk register' });
    await register.getByRole('link', { name: 'E2E bias in fraud flags' }).click();
    const drawer = page.getByRole('dialog', { name: 'E2E bias in fraud flags' });
    expect(await drawer.getByTestId('residual-score').textContent()).toBe('Not assessed');

    const treatment = drawer.getByRole('form', { name: 'Treatment' });
    await choose(treatment, 'Treatment', 'Mitigate');
    await treatment.getByRole('textbox', { name: 'Treatment plan' }).fill('Add a fairness gate to releases.');
    await choose(treatment, 'Owner', 'Mateo Rossi', 'Mateo');
    const due = treatment.getByRole('textbox', { name: 'Due date' });
    await due.fill('2027-03-31');
    await due.press('Tab');
    await choose(treatment, 'Residual likelihood', /^1 /);
    await choose(treatment, 'Residual impact', /^2 /);
    await treatment.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => drawer.getByTestId('residual-score').textContent()).toBe('2 · low');
    await register.getByRole('cell', { name: '2 · low' }).waitFor();

    const id = new URL(page.url()).searchParams.get('risk') ?? '';
    const saved = (await (await page.request.get(`${server.base}/api/risks/${id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(saved).toMatchObject({
      treatment: 'mitigate',
      treatmentPlan: 'Add a fairness gate to releases.',
      dueDate: '2027-03-31',
      owner: { name: 'Mateo Rossi' },
      residualScore: 2,
    });
    await expectAccessible(page);
    await screenshot(page, 'registers-risk-drawer');

    // Choosing "accept" reveals the acceptance form, whose errors come from the API too.
    await choose(treatment, 'Treatment', 'Accept');
    const acceptance = drawer.getByRole('form', { name: 'Acceptance' });
    await acceptance.getByRole('button', { name: 'Record acceptance' }).click();
    const approver = acceptance.getByRole('textbox', { name: 'Approver' });
    await expect.poll(() => approver.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await page.goto(`${server.base}/risks`);
    await page.getByRole('table', { name: 'Risk register' }).getByRole('link').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'registers-risks');
    await page.close();
  });

  it('lists datasets and people with URL filters, and deactivates a person', async () => {
    const page = await server.signIn('admin');
    await navigate(page, 'Datasets');
    const datasets = page.getByRole('table', { name: 'Datasets' });
    await datasets.getByRole('link').first().waitFor();
    await choose(page, 'Personal data', 'No personal data');
    await expect.poll(() => page.url()).toContain('containsPersonalData=false');
    await expect
      .poll(async () => [...new Set(await datasets.locator('tbody tr td:nth-child(3)').allTextContents())])
      .toEqual(['None']);
    await page.goto(`${server.base}/datasets`);
    await datasets.getByRole('link').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'registers-datasets');

    await navigate(page, 'People');
    const people = page.getByRole('table', { name: 'People' });
    await people.getByRole('link', { name: 'Liam O' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'registers-people');
    await page.getByRole('button', { name: 'New person' }).click();
    const dialog = page.getByRole('dialog', { name: 'New person' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('E2E Temp');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('e2e.temp@northwind.example');
    await dialog.getByRole('textbox', { name: 'Department' }).fill('E2E');
    await dialog.getByRole('button', { name: 'Create person' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await people.getByRole('link', { name: 'E2E Temp' }).click();
    const drawer = page.getByRole('dialog', { name: 'E2E Temp' });
    await drawer.getByRole('button', { name: 'Deactivate' }).click();
    await drawer.getByRole('button', { name: 'Reactivate' }).waitFor();
    await page.keyboard.press('Escape');
    await choose(page, 'Status', 'Inactive');
    await expect.poll(() => page.url()).toContain('active=false');
    await people.getByRole('link', { name: 'E2E Temp' }).waitFor();
    await page.close();
  });

  it('shows an auditor the registers without New, Edit or Save controls', async () => {
    const page = await server.signIn('auditor');
    for (const path of ['/ai-systems', '/vendors', '/datasets', '/people', '/risks']) {
      await page.goto(`${server.base}${path}`);
      await page.locator('tbody tr').first().waitFor();
      expect(await page.getByRole('button', { name: /^New / }).count(), path).toBe(0);
    }
    await page.goto(`${server.base}/risks`);
    await page.getByRole('table', { name: 'Risk register' }).getByRole('link').first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('inherent-score').waitFor();
    expect(await drawer.locator('form').count()).toBe(0);
    expect(await drawer.getByRole('button', { name: 'Save' }).count()).toBe(0);

    await page.goto(`${server.base}/vendors`);
    await page.getByRole('table', { name: 'Vendors' }).getByRole('link').first().click();
    await page.getByRole('dialog').getByRole('table', { name: 'Change history' }).waitFor();
    expect(await page.getByRole('dialog').getByRole('button', { name: 'Edit' }).count()).toBe(0);

    await page.goto(`${server.base}/ai-systems`);
    await page.getByRole('table', { name: 'AI systems' }).getByRole('link').first().click();
    await page.getByRole('region', { name: 'Overview' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await page.close();
  });

  it('stays usable on a 390 px wide phone: the burger opens navigation and tables scroll', async () => {
    const page = await server.signIn('manager');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.base}/vendors`);
    const table = page.getByRole('table', { name: 'Vendors' });
    await table.getByRole('link').first().waitFor();
    const layout = await page.evaluate(() => {
      const found = document.querySelector('table[aria-label="Vendors"]');
      let scroller = found?.parentElement ?? null;
      while (scroller && scroller.scrollWidth <= scroller.clientWidth) scroller = scroller.parentElement;
      return {
        pageOverflows: document.documentElement.scrollWidth > window.innerWidth,
        tableScrolls:
          scroller !== null && scroller !== document.body && scroller !== document.documentElement,
      };
    });
    expect(layout).toEqual({ pageOverflows: false, tableScrolls: true });

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await nav.getByRole('link', { name: 'Datasets' }).click();
    await page.getByRole('heading', { name: 'Datasets' }).waitFor();
    await page.getByRole('table', { name: 'Datasets' }).getByRole('link').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'registers-datasets-phone');
    await page.getByRole('button', { name: 'New dataset' }).click();
    const dialog = page.getByRole('dialog', { name: 'New dataset' });
    const box = await dialog.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(389);
    await expectAccessible(page);
    await page.close();
  });
});
