import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

const demo = setUpDemoSession();
const SCREENSHOTS = process.env.SAMSPIL_SCREENSHOT_DIR;

describe('management figures', () => {
  it('show the team leader cost concentration, the Lorenz curve with a table, the cost table and pathway KPIs', async () => {
    const page = await demo.loginAs('team-leader', { width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Ledelsestal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ledelsestal' }).waitFor();
    const share = page.getByTestId('share-top10');
    await share.waitFor();
    expect(await share.textContent()).toMatch(/\d+(,\d)? %/);
    // The chart library arrives in its own chunk, only now.
    await page.getByTestId('lorenz-chart').locator('canvas').first().waitFor();
    await page.getByText('Vis kurven som tabel').click();
    const lorenzTable = page.getByRole('table', { name: 'Lorenz-kurve' });
    await lorenzTable.waitFor();
    expect(await lorenzTable.getByRole('row').count()).toBeGreaterThan(5);
    await page.getByRole('table', { name: 'Udgifter efter budgetområde og udgiftsgruppe' }).waitFor();
    await page.getByRole('table', { name: /^Tid fra forløbets start/ }).waitFor();
    await page.getByRole('table', { name: 'Hvem betaler over året' }).waitFor();
    // The pyramid, the flow and the time to first offer are drawn, each above its table.
    for (const chart of ['offer-chart', 'pyramid-chart', 'flow-chart'])
      await page.getByTestId(chart).locator('svg').first().waitFor();
    expect(await page.getByRole('img', { name: /^Søjlediagram: forløb startet/ }).count()).toBe(1);
    await page.getByRole('table', { name: /^Aktivitetspyramiden/ }).waitFor();
    // Activation, spells and the year-by-year counts, each naming its definition.
    await page.getByRole('table', { name: /^Varighed af sammenhængende forløb.*pathway-spells@1/ }).waitFor();
    await page.getByRole('table', { name: /^Udvikling år for år.*period-counts@1/ }).waitFor();
    expect(await page.getByTestId('activation-rate').textContent()).toMatch(/(\d+(,\d)? %|–)/);

    // The export is the same suppressed table, as a file.
    // Every table has its export; the links name their table.
    const href = await page
      .getByRole('link', { name: /^Hent som CSV ?: Udgifter efter budgetområde og udgiftsgruppe$/ })
      .getAttribute('href');
    const exported = await page.evaluate(async (url) => {
      const response = await fetch(url as string);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    }, href);
    expect(exported.status).toBe(200);
    expect(exported.type).toContain('text/csv');
    expect(exported.text).toContain('budget_area;top1_citizens');

    // Filtering by sector redraws the figures.
    // The figure before the filter is read first: read after, it could already be the new one.
    const allSectors = await share.textContent();
    await page.getByLabel('Sektor').selectOption('employment');
    await expect.poll(async () => page.getByTestId('share-top10').textContent()).not.toBe(allSectors);
    // The filter is in the address: a reload shows the same figures.
    expect(new URL(page.url()).searchParams.get('sektor')).toBe('employment');
    const filtered = await page.getByTestId('share-top10').textContent();
    await page.reload();
    await expect.poll(async () => page.getByTestId('share-top10').textContent()).toBe(filtered);
    expect(await page.getByLabel('Sektor').inputValue()).toBe('employment');
    // The age group narrows every figure, and its export the same way.
    await page.getByLabel('Aldersgruppe').selectOption('from30to39');
    await expect.poll(() => new URL(page.url()).searchParams.get('aldersgruppe')).toBe('from30to39');
    const flowExport = page.getByRole('link', { name: /^Hent som Excel \(XLSX\) ?: Tilgang og afgang/ });
    await expect.poll(() => flowExport.getAttribute('href')).toContain('ageGroup=from30to39');
    expect(await page.getByLabel('Koordinerende enhed').getByRole('option').count()).toBeGreaterThan(2);
    // Coordination: the signals per rule and month with their chart, open ones, the referrals.
    const coordination = page.getByRole('region', { name: 'Koordinering og henvisninger' });
    await coordination
      .getByRole('table', { name: /^Signaler rejst efter regel og måned.*coordination-flags@1/ })
      .waitFor();
    await coordination.getByRole('table', { name: 'Åbne signaler ved hver måneds udgang' }).waitFor();
    await coordination
      .getByRole('table', { name: /^Henvisninger efter måned sendt.*referral-loop@1/ })
      .waitFor();
    for (const chart of ['flags-chart', 'referrals-chart'])
      await page.getByTestId(chart).locator('svg').first().waitFor();
    expect(await coordination.getByTestId('multi-sector-open-share').textContent()).toMatch(
      /(\d+(,\d)? %|–)/,
    );
    await expect
      .poll(() =>
        coordination.getByRole('link', { name: /^Hent som CSV ?: Signaler rejst/ }).getAttribute('href'),
      )
      .toContain('ageGroup=from30to39');
    // Collaboration: the demo survey's ties, the group of four hidden; the quality indicators.
    const collaboration = page.getByRole('region', { name: 'Samarbejde og kvalitet' });
    const ties = collaboration.getByRole('table', { name: /^Relationel koordinering, runde baseline/ });
    await ties.waitFor();
    expect(await ties.getByRole('row', { name: /^Mentorer/ }).textContent()).toContain(
      'færre end 5 besvarelser',
    );
    await collaboration
      .getByRole('table', { name: /quality-indicators@1/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'management figures');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/management.png`, fullPage: true });
    if (SCREENSHOTS)
      await page
        .getByRole('region', { name: 'Forløb', exact: true })
        .screenshot({ path: `${SCREENSHOTS}/management-pathways.png` });
    if (SCREENSHOTS)
      await page
        .getByRole('region', { name: 'Aktivering, varighed og udvikling' })
        .screenshot({ path: `${SCREENSHOTS}/management-steering.png` });
    if (SCREENSHOTS) {
      await coordination.screenshot({ path: `${SCREENSHOTS}/management-coordination.png` });
      await collaboration.screenshot({ path: `${SCREENSHOTS}/management-collaboration.png` });
    }
    await page.context().close();
  });

  it('drill down: a budget area’s row leads to the figures of its citizens, and back', async () => {
    const page = await demo.loginAs('team-leader', { width: 1280, height: 900 });
    await page.goto(`${demo.server.url}/ledelsestal`);
    const table = page.getByRole('table', { name: 'Udgifter efter budgetområde og udgiftsgruppe' });
    await table.locator('tbody tr').first().waitFor();
    const areas = await table.locator('tbody tr').count();
    expect(areas).toBeGreaterThan(1);
    // The first row whose total shows its number of citizens.
    const totals = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row): [string, string] => [
          row.querySelector('th')?.textContent ?? '',
          row.lastElementChild?.textContent ?? '',
        ]),
      );
    const shown = totals.find(([, total]) => /([\d.]+) borgere/.test(total));
    if (!shown) throw new Error(`no budget area shows its citizens: ${JSON.stringify(totals)}`);
    const [area, total] = shown;
    const citizens = (/([\d.]+) borgere/.exec(total)?.[1] ?? '').replaceAll('.', '');

    await table.getByRole('rowheader', { name: area }).getByRole('link').click();
    expect(new URL(page.url()).searchParams.get('budgetomraade')).toBe(area);
    await expect.poll(() => page.getByTestId('narrowed-to').textContent()).toContain(area);
    // Focus moved to the figures the link narrowed, and they count the row's citizens.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Udgiftskoncentration');
    const figure = page
      .getByRole('list', { name: 'Nøgletal for udgiftskoncentration' })
      .getByRole('listitem')
      .filter({ hasText: 'borgere med udgifter' });
    await expect.poll(async () => (await figure.textContent())?.replace(/\D/g, '')).toBe(citizens);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Budgetområde' }).inputValue()).toBe(area);
    await expectAccessible(page, `management figures of ${area}`);

    // Back (the browser's, or the link) shows every budget area again.
    await page.goBack();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(areas);
    await page.goForward();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Vis alle budgetområder' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(areas);
    await page.context().close();
  });

  it('fit a 360 px phone, and are refused to a caseworker', async () => {
    const page = await demo.loginAs('team-leader', { width: 360, height: 780 });
    await page.goto(`${demo.server.url}/ledelsestal`);
    await page.getByTestId('share-top10').waitFor();
    // Every table is in: the widest of them scrolls in its own region, not the page.
    await page.getByRole('table', { name: 'Udgifter efter budgetområde og udgiftsgruppe' }).waitFor();
    await page.getByRole('table', { name: /^Tid fra forløbets start/ }).waitFor();
    await page.getByRole('table', { name: /^Signaler rejst efter regel og måned/ }).waitFor();
    await page.getByRole('table', { name: /^Relationel koordinering, runde baseline/ }).waitFor();
    await page.getByTestId('flags-chart').locator('svg').first().waitFor();
    await expectNoSidewaysScroll(page, 'management 360 px');
    await expectAccessible(page, 'management 360 px');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/management-360.png`, fullPage: true });
    if (SCREENSHOTS) {
      await page.getByTestId('flow-chart').locator('svg').first().waitFor();
      await page
        .getByRole('region', { name: 'Forløb', exact: true })
        .screenshot({ path: `${SCREENSHOTS}/management-pathways-360.png` });
      await page.locator('search').screenshot({ path: `${SCREENSHOTS}/management-filters-360.png` });
      await page
        .getByRole('region', { name: 'Aktivering, varighed og udvikling' })
        .screenshot({ path: `${SCREENSHOTS}/management-steering-360.png` });
      await page
        .getByRole('region', { name: 'Koordinering og henvisninger' })
        .screenshot({ path: `${SCREENSHOTS}/management-coordination-360.png` });
      await page
        .getByRole('region', { name: 'Samarbejde og kvalitet' })
        .screenshot({ path: `${SCREENSHOTS}/management-collaboration-360.png` });
    }
    await page.context().close();

    const caseworker = await demo.loginAs('jobcenter-caseworker');
    await caseworker.goto(`${demo.server.url}/ledelsestal`);
    await caseworker.getByRole('heading', { level: 1, name: 'Ingen adgang til ledelsestal' }).waitFor();
    await caseworker.context().close();
  });

  it('show how pathways end, per year: a chart with a table and exports, at 1280 and 360 px', async () => {
    for (const width of [1280, 360]) {
      const page = await demo.loginAs('team-leader', { width, height: width === 360 ? 780 : 900 });
      await page.goto(`${demo.server.url}/ledelsestal`);
      const section = page.getByRole('region', { name: 'Hvordan forløbene ender' });
      const table = section.getByRole('table', { name: /^Forløbenes udfald pr\. år.*pathway-outcomes@1/ });
      await table.waitFor();
      await section.getByTestId('outcomes-chart').locator('svg').first().waitFor();
      expect(await section.getByRole('img', { name: /^Stablet søjlediagram/ }).count()).toBe(1);
      // Five years of ending, every outcome a column, "still in pathway" last before the total.
      expect(await table.locator('tbody tr').count()).toBe(5);
      const headers = await table.locator('thead th').allTextContents();
      expect(headers).toEqual([
        'År',
        'Job',
        'Uddannelse',
        'Fleksjob',
        'Førtidspension',
        'Andet',
        'Ikke registreret',
        'Stadig i forløb',
        'Forløb i året',
      ]);
      // The synthetic municipality ends pathways: some year shows counts with their shares.
      expect(
        await table
          .locator('tbody td')
          .filter({ hasText: /\d+ \(\d+(,\d)? %\)/ })
          .count(),
      ).toBeGreaterThan(3);
      const csv = section.getByRole('link', { name: /^Hent som CSV ?: Forløbenes udfald/ });
      expect(await csv.getAttribute('href')).toContain('/api/analytics/pathway-outcomes/export?year=');
      // The pathway type filter narrows it, and its export.
      await page.getByLabel('Forløbstype').selectOption('ressourceforloeb');
      await expect.poll(() => csv.getAttribute('href')).toContain('pathwayType=ressourceforloeb');
      await table.waitFor();
      if (width === 360) await expectNoSidewaysScroll(page, 'management outcomes 360 px');
      await expectAccessible(page, `management outcomes ${width} px`);
      if (SCREENSHOTS) await section.screenshot({ path: `${SCREENSHOTS}/management-outcomes-${width}.png` });
      await page.context().close();
    }
  });
});
