import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

/**
 * Kalender-abonnement (decision 0021): a professional on My day and the citizen on Mit forløb
 * make a secret calendar link, which a calendar program fetches without a login, and close it,
 * after which the address is a 404.
 */
const demo = setUpDemoSession();

/** Opens the folded section, makes a link and returns its address, shown this once. */
async function makeLink(page: Page): Promise<string> {
  await page.getByText('Kalender-abonnement', { exact: true }).click();
  await page.getByRole('button', { name: 'Lav kalenderlink' }).click();
  const field = page.getByLabel('Kalenderlink', { exact: true });
  await field.waitFor();
  const url = await field.inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return url;
}

async function closeLink(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Luk kalenderlinket lavet / }).click();
  await page.getByText('Du har ingen kalenderlinks.', { exact: true }).waitFor();
}

describe('a calendar link', () => {
  it('at 1280 px: a professional makes one on My day, a calendar fetches it, she closes it', async () => {
    const page = await demo.signedInAs('jobcenter-caseworker', { width: 1280, height: 900 });
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    const url = await makeLink(page);
    await page.getByText('Kopiér linket nu. Det vises kun denne ene gang.', { exact: false }).waitFor();
    await expectAccessible(page, 'My day with a new calendar link, 1280 px');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(page, 'My day with a new calendar link, 360 px');
    await expectNoSidewaysScroll(page, 'My day with a new calendar link, 360 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await feed.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // Her meetings as kinds of meeting: the citizen is never named.
    expect(text).not.toContain(demo.persona('citizen').split(' ')[0]);
    // The list says a calendar has fetched it (after a reload of the list).
    await page.reload();
    await page.getByText('Kalender-abonnement', { exact: true }).click();
    await page.getByText(/^Lavet .*\. Sidst hentet /).waitFor();

    await closeLink(page);
    expect((await fetch(url)).status).toBe(404);
    await page.context().close();
  });

  it('at 360 px: the citizen makes one on Mit forløb for her own appointments, and closes it', async () => {
    const page = await demo.signedInAs('citizen', { width: 360, height: 800 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    const url = await makeLink(page);
    await expectAccessible(page, 'Mit forløb with a new calendar link, 360 px');
    await expectNoSidewaysScroll(page, 'Mit forløb with a new calendar link, 360 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, 'Mit forløb with a new calendar link, 1280 px');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const text = await feed.text();
    expect(text).toContain('X-WR-CALNAME:Samspil – mine aftaler');
    await closeLink(page);
    expect((await fetch(url)).status).toBe(404);
    await page.context().close();
  });
});
