import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpDemoSession } from './support/demo-session.js';

const demo = setUpDemoSession();

/** Table rows wholly inside the viewport: the citizens a person sees without scrolling. */
async function visibleRows(page: Page, table: string): Promise<number> {
  return page.evaluate((selector) => {
    const rows = [...document.querySelectorAll(`${selector} tbody tr`)];
    return rows.filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    }).length;
  }, table);
}

describe('measure', () => {
  it('counts', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', { width: 1280, height: 800 });
    await page.goto('/mit-overblik');
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    const myDay = await visibleRows(page, 'table');
    const heights = await page.evaluate(() => [...document.querySelectorAll('table tbody tr')].slice(0, 8).map((r) => Math.round(r.getBoundingClientRect().height)));
    await page.goto('/borgere');
    await page.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    const caseload = await visibleRows(page, 'table');
    await page.screenshot({ path: '/tmp/h-caseload/before-caseload.png' });
    await page.goto('/mit-overblik');
    await page.locator('table tbody tr').first().waitFor();
    await page.screenshot({ path: '/tmp/h-caseload/before-myday.png' });
    console.log('MEASURE', JSON.stringify({ myDay, caseload, heights }));
    expect(myDay).toBeGreaterThan(0);
  });
});
