import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { followNavLink, showNavLink } from './support/navigation.js';

const demo = setUpDemoSession();

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

/** The number a figure or a count starts with ("1.234 borgere" → 1234). */
function leadingNumber(text: string | null): number {
  const match = /^\s*([\d.]+)/.exec(text ?? '');
  if (!match) throw new Error(`no number in "${text}"`);
  return Number((match[1] as string).replaceAll('.', ''));
}

/** The rows of a list's table body (its header row not counted). */
async function bodyRows(table: Locator): Promise<number> {
  return table.locator('tbody tr').count();
}

/** On a list behind a figure: the number in its lead, which must equal the figure clicked. */
async function listCount(page: Page): Promise<number> {
  const lead = page.getByTestId('drilldown-count');
  await lead.waitFor();
  return leadingNumber(await lead.textContent());
}

async function leaderClicksThrough(page: Page, label: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Min enhed' }).waitFor();
  const figures = page.getByRole('list', { name: 'Enheden i tal' });
  // A figure of the unit overview, clicked through to the citizens behind it.
  const overdue = figures.getByRole('link', { name: /borgere med overskredne opfølgninger/ });
  const figure = leadingNumber(await overdue.textContent());
  expect(figure).toBeGreaterThan(0);
  await overdue.click();
  await page.getByRole('heading', { level: 1, name: 'Enhedens borgere' }).waitFor();
  expect(new URL(page.url()).searchParams.get('attention')).toBe('followUpsOverdue');
  expect(await listCount(page)).toBe(figure);
  const table = page.getByRole('table', { name: /^Enhedens borgere: med overskredne opfølgninger/ });
  await table.waitFor();
  expect(await bodyRows(table)).toBe(Math.min(figure, 50));
  await expectNoSidewaysScroll(page, `unit citizens, ${label}`);
  await expectAccessible(page, `unit citizens behind a figure, ${label}`);

  // A professional's name, through to their citizens: as many as their caseload says.
  await page.getByRole('link', { name: 'Tilbage til Min enhed' }).click();
  const workload = page.getByRole('table', { name: /^Medarbejdere i / });
  await workload.waitFor();
  const firstRow = workload.locator('tbody tr').first();
  const caseload = leadingNumber(await firstRow.locator('td').first().textContent());
  await firstRow.getByRole('rowheader').getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Enhedens borgere' }).waitFor();
  expect(await listCount(page)).toBe(caseload);
  expect(await bodyRows(page.getByRole('table', { name: /^Enhedens borgere/ }))).toBe(Math.min(caseload, 50));

  // The coordination overview: a unit pair, through to its open signals.
  await page.goto(new URL('/koordinering', page.url()).toString());
  await page.getByRole('heading', { level: 1, name: 'Koordinering på tværs' }).waitFor();
  const pairs = page.getByRole('table', { name: 'Åbne signaler pr. enhedspar' });
  await pairs.waitFor();
  // The smallest pair shown, so its whole list is one page.
  const lastPair = pairs.locator('tbody tr').last();
  const open = leadingNumber(await lastPair.locator('td').first().textContent());
  await lastPair.getByRole('rowheader').getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Koordineringssignaler' }).waitFor();
  expect(await listCount(page)).toBe(open);
  expect(await bodyRows(page.getByRole('table', { name: /^Koordineringssignaler/ }))).toBe(
    Math.min(open, 50),
  );
  await expectNoSidewaysScroll(page, `flag list, ${label}`);
  await expectAccessible(page, `flag list behind a unit pair, ${label}`);

  // The trend of the last twelve weeks, with its table alternative.
  await page.getByRole('link', { name: 'Tilbage til koordinering på tværs' }).click();
  const trend = page.getByRole('region', { name: 'Udvikling de seneste 12 uger' });
  await trend.getByRole('img', { name: /Kurve over åbne og nye koordineringssignaler/ }).waitFor();
  await trend.getByText('Vis tallene som tabel').click();
  const trendTable = trend.getByRole('table', { name: 'Udvikling de seneste 12 uger' });
  await trendTable.waitFor();
  expect(await bodyRows(trendTable)).toBe(12);
  // No sector pair of one sector with itself: those have their own table.
  const sectorPairs = page.getByRole('table', { name: 'Åbne signaler pr. sektorpar' });
  for (const name of await sectorPairs.getByRole('rowheader').allTextContents()) {
    const [a, b] = name.split('↔').map((part) => part.replace(/\bog\b/, '').trim());
    expect(a, name).not.toBe(b);
  }
  await expectNoSidewaysScroll(page, `coordination overview, ${label}`);
  await expectAccessible(page, `coordination overview with trend table, ${label}`);
}

describe('a leader drills down', () => {
  it('clicks figures through to lists with as many rows, at 1280 px', async () => {
    const page = await demo.loginAs('team-leader', WIDE);
    await leaderClicksThrough(page, '1280 px');
    await page.context().close();
  });

  it('does the same on a 360 px phone', async () => {
    const page = await demo.loginAs('team-leader', PHONE);
    await leaderClicksThrough(page, '360 px');
    await page.context().close();
  });
});

describe('a received referral', () => {
  it('shows in the receiving unit as a badge in words and names the citizen, at 1280 and 360 px', async () => {
    const citizen = demo.persona('citizen');
    const sender = await demo.loginAs('jobcenter-caseworker', WIDE);
    await sender.getByRole('link', { name: 'Mit overblik', exact: true }).click();
    await demo.openCitizenPlan(sender);
    const referrals = sender.getByRole('region', { name: 'Henvisninger' });
    await referrals.getByRole('button', { name: 'Henvis til en anden enhed' }).click();
    const form = sender.getByRole('form', { name: 'Ny henvisning' });
    const unit = form.getByLabel('Til enhed', { exact: true });
    const option = unit.locator('option', { hasText: 'Hjemmesygeplejen' }).first();
    await unit.selectOption((await option.getAttribute('value')) ?? '');
    await form.getByLabel('Besked til enheden').fill('Kan I se på medicinen sammen med Sara?');
    await form.getByRole('button', { name: 'Send henvisning' }).click();
    await referrals
      .getByRole('article', { name: /til Hjemmesygeplejen$/ })
      .first()
      .waitFor();
    await sender.context().close();

    for (const viewport of [WIDE, PHONE]) {
      const receiver = await demo.loginAs('home-care-nurse', viewport);
      await receiver.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
      // The badge is text: the link reads "Henvisninger, 1 ny" (or "…, 2 nye").
      const badgeLink = /^Henvisninger, \d+ nye?$/;
      const link = await showNavLink(receiver, badgeLink);
      await link.waitFor();
      const badge = leadingNumber((await link.textContent())?.replace(/^Henvisninger,?\s*/, '') ?? '');
      expect(badge).toBeGreaterThan(0);
      await followNavLink(receiver, badgeLink);
      await receiver.getByRole('heading', { level: 1, name: 'Henvisninger' }).waitFor();
      await receiver.getByText(new RegExp(`${badge} venter på jeres svar`)).waitFor();
      const incoming = receiver.getByRole('article', { name: /til Hjemmesygeplejen$/ });
      expect(await incoming.filter({ hasText: 'Afventer svar' }).count()).toBe(badge);
      const card = incoming.filter({ hasText: 'Kan I se på medicinen sammen med Sara?' }).first();
      await card.getByRole('link', { name: citizen, exact: true }).waitFor();
      await expectNoSidewaysScroll(receiver, `referrals, ${viewport.width} px`);
      await expectAccessible(receiver, `received referrals, ${viewport.width} px`);

      // And the inbox has an item for it, naming the citizen.
      await followNavLink(receiver, /^Indbakke/);
      await receiver.getByRole('heading', { level: 1, name: 'Indbakke' }).waitFor();
      await receiver
        .getByText(/sendt en henvisning/)
        .first()
        .waitFor();
      await receiver.getByText(citizen).first().waitFor();
      await receiver.context().close();
    }
  });
});
