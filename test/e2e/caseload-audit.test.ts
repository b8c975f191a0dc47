import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

const demo = setUpDemoSession();
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 780 };

/** Table rows wholly inside the viewport: the citizens a person sees without scrolling. */
async function visibleRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('main table tbody tr')];
    return rows.filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    }).length;
  });
}

/** The citizens' names in the order the table shows them. */
async function names(page: Page): Promise<string[]> {
  return page.locator('main table tbody th[scope="row"] a').allTextContents();
}

describe('the compact caseload (Mit overblik)', () => {
  it('shows at least 15 citizens on a 1280×800 screen, one line each, severe first', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', WIDE);
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    const table = page.getByRole('table', { name: 'Dine borgere med det, der kræver opmærksomhed' });
    await table.locator('tbody tr').first().waitFor();
    // The flags arrive in their own call; the order settles once they are there.
    await table
      .getByRole('link', { name: /signal/ })
      .first()
      .waitFor();
    const visible = await visibleRows(page);
    await page.screenshot({ path: '/tmp/h-caseload/after-myday.png' });
    console.info(`caseload: ${visible} citizens visible at 1280×800 on Mit overblik`);
    expect(visible).toBeGreaterThanOrEqual(15);
    // One line per citizen: every name is a single line box, every row as short as one line.
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll('main table tbody th[scope="row"] a')].map(
        (link) => link.getClientRects().length,
      ),
    );
    expect(lines.every((count) => count === 1)).toBe(true);
    const heights = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.clientHeight));
    expect(Math.max(...heights)).toBeLessThan(44);
    // Never "nothing right now" beside a flag; and every severe row comes before every other.
    const rows = await table.locator('tbody tr').evaluateAll((all) =>
      all.map((row) => ({
        text: row.textContent ?? '',
        severe: row.querySelector('.samspil-attention-tag.is-error') !== null,
      })),
    );
    expect(rows.filter((row) => row.text.includes('Intet lige nu') && /signal/.test(row.text))).toEqual([]);
    const lastSevere = rows.map((row) => row.severe).lastIndexOf(true);
    const firstOther = rows.findIndex((row) => !row.severe);
    expect(lastSevere).toBeGreaterThanOrEqual(0);
    expect(firstOther === -1 || firstOther > lastSevere).toBe(true);
    await expectNoSidewaysScroll(page, 'Mit overblik, 1280 px');
    await expectAccessible(page, 'Mit overblik, 1280 px');
    await page.context().close();
  });

  it('sorts by a column header, keeps the order in the address, and reload and back keep it', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', WIDE);
    const table = page.getByRole('table', { name: 'Dine borgere med det, der kræver opmærksomhed' });
    await table.locator('tbody tr').first().waitFor();
    const byAttention = await names(page);
    const header = table.getByRole('columnheader', { name: /^Borger/ });
    expect(await header.getAttribute('aria-sort')).toBeNull();
    await header.getByRole('button').click();
    await expect.poll(() => page.url()).toContain('sorter=name');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await names(page);
    expect(ascending).not.toEqual(byAttention);
    const family = (name: string): string => name.split(' ').slice(1).join(' ');
    expect(ascending.map(family)).toEqual(
      [...ascending.map(family)].sort((a, b) => a.localeCompare(b, 'da')),
    );

    await header.getByRole('button').click();
    await expect.poll(() => page.url()).toContain('retning=faldende');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = await names(page);
    expect(descending).toEqual([...ascending].reverse());

    await page.reload();
    await table.locator('tbody tr').first().waitFor();
    expect(await table.getByRole('columnheader', { name: /^Borger/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(await names(page)).toEqual(descending);

    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('retning=faldende');
    await expect.poll(() => names(page)).toEqual(ascending);
    await expectAccessible(page, 'Mit overblik sorted by name');
    await page.context().close();
  });

  it('shows the citizens as cards without sideways scroll on a 360 px phone', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', PHONE);
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    await page.locator('main table tbody tr').first().waitFor();
    await expectNoSidewaysScroll(page, 'Mit overblik, 360 px');
    await expectAccessible(page, 'Mit overblik, 360 px');
    await page.goto('/borgere');
    await page.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor();
    await page.locator('main table tbody tr').first().waitFor();
    await expectNoSidewaysScroll(page, 'Mine borgere, 360 px');
    await expectAccessible(page, 'Mine borgere, 360 px');
    await page.context().close();
  });

  it('sorts Mine borgere by name on the server, kept in the address', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', WIDE);
    await page.goto('/borgere');
    const table = page.getByRole('table', { name: /Dine borgere|Borgere/ });
    await table.locator('tbody tr').first().waitFor();
    const visible = await visibleRows(page);
    await page.screenshot({ path: '/tmp/h-caseload/after-caseload.png' });
    console.info(`caseload: ${visible} citizens visible at 1280×800 on Mine borgere`);
    expect(visible).toBeGreaterThanOrEqual(15);
    const first = await names(page);
    await table.getByRole('columnheader', { name: /^Navn/ }).getByRole('button').click();
    await expect.poll(() => page.url()).toContain('retning=faldende');
    await expect.poll(() => names(page)).not.toEqual(first);
    await page.reload();
    await table.locator('tbody tr').first().waitFor();
    expect(await table.getByRole('columnheader', { name: /^Navn/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await expectNoSidewaysScroll(page, 'Mine borgere, 1280 px');
    await expectAccessible(page, 'Mine borgere, 1280 px');
    await page.context().close();
  });
});

describe('the audit search in words', () => {
  it('shows a plan visit as one row in words with the citizen, unfolds it, and filters by citizen', async () => {
    const sara = demo.persona('citizen');
    const caseworker = await demo.loginAs('jobcenter-caseworker', WIDE);
    await demo.openCitizenPlan(caseworker);
    await caseworker.getByRole('heading', { level: 2, name: 'Tidslinje' }).waitFor();
    await caseworker.context().close();

    for (const viewport of [WIDE, PHONE]) {
      const leader = await demo.loginAs('team-leader', viewport);
      await leader.goto('/tilsyn');
      await leader.getByRole('heading', { level: 1, name: 'Tilsyn' }).waitFor();
      await leader.getByLabel('Eller borgerens navn').fill(sara.split(' ')[0] ?? sara);
      await leader.getByRole('button', { name: 'Søg på navn' }).click();
      await leader.getByRole('button', { name: new RegExp(`^Vælg ${sara}`) }).click();
      await leader.getByRole('button', { name: 'Søg', exact: true }).click();
      const table = leader.getByRole('table', { name: /besøg/ });
      const visit = table
        .getByRole('row')
        .filter({ hasText: `Så ${sara}s plan` })
        .filter({ hasText: demo.persona('jobcenter-caseworker') })
        .first();
      await visit.waitFor();
      // In words: the citizen by name, the unit, the purpose; no developer codes.
      await expect.poll(() => visit.textContent()).toContain(sara);
      const text = (await visit.textContent()) ?? '';
      expect(text).not.toMatch(/plan_history|coordination-overview|Listet|Læst ·/);
      expect(text).toMatch(/Jobcenter/);
      // The citizen filter: every row is about Sara (by name, or a list that showed her).
      const citizens = await table
        .locator('tbody tr:not([hidden]) td[data-title="Borger"]')
        .allTextContents();
      expect(citizens.length).toBeGreaterThan(0);
      expect(citizens.every((name) => name === sara)).toBe(true);
      // Unfolding shows the records behind the row.
      const unfold = visit.getByRole('button', { name: /^Vis \d+ post/ });
      const controls = (await unfold.getAttribute('aria-controls')) ?? '';
      await unfold.click();
      const records = leader.locator(`[id="${controls}"]`);
      await expect.poll(() => records.locator('li').count()).toBeGreaterThan(1);
      expect(await visit.getByRole('button', { name: /^Skjul \d+ post/ }).getAttribute('aria-expanded')).toBe(
        'true',
      );
      await expectNoSidewaysScroll(leader, `audit search, ${viewport.width} px`);
      await expectAccessible(leader, `audit search, ${viewport.width} px`);
      await leader.context().close();
    }
  });
});
