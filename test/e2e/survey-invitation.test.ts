import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

const demo = setUpDemoSession();
const SCREENSHOTS = process.env.SAMSPIL_SCREENSHOT_DIR ?? '/tmp';
const SURVEY = 'Samarbejde i Team Ressource';
const GROUPS = ['Jobkonsulenter', 'Socialrådgivere', 'Sundhedsfaglige', 'Mentorer'];

/** The team leader issues one link for Socialrådgivere in the follow-up round; returns its path. */
async function issueOneLink(page: Page, width: number, issuedBefore: number): Promise<string> {
  await page.goto(`${demo.server.url}/samarbejde`);
  const survey = page.getByRole('region', { name: SURVEY });
  const form = survey.getByRole('form', { name: `Lav links til ${SURVEY}` });
  await form.waitFor();
  expect(await form.getByLabel('Runde').inputValue()).toBe('follow-up');
  await form.getByLabel('Faggruppe').selectOption('Socialrådgivere');
  // A wrong count is named at the field, and nothing is issued.
  await form.getByLabel('Antal links').fill('0');
  await form.getByRole('button', { name: 'Lav links' }).click();
  await form.getByText('Skriv et helt tal fra 1 til 200.', { exact: true }).first().waitFor();
  await form.getByLabel('Antal links').fill('1');
  await form.getByRole('button', { name: 'Lav links' }).click();
  const issued = survey.getByRole('alert').filter({ hasText: '1 link til Socialrådgivere, Opfølgning' });
  await issued.waitFor();
  const link = await issued.getByRole('textbox', { name: 'Link 1' }).inputValue();
  expect(link).toMatch(/\/svar\/[A-Za-z0-9_-]{43}$/);
  await issued.getByRole('button', { name: 'Kopiér link 1' }).waitFor();
  // The counts: issued and used per round and group, no link text.
  const counts = survey.getByRole('table', { name: `Sendte og brugte links i ${SURVEY}` });
  const row = counts.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Opfølgning' }) });
  await expect
    .poll(() => row.textContent())
    .toBe(`OpfølgningSocialrådgivere${issuedBefore + 1}${issuedBefore}`);
  expect(await counts.textContent()).not.toContain(link.split('/svar/')[1]);
  await expectNoSidewaysScroll(page, `issued links at ${width} px`);
  await expectAccessible(page, `issued links at ${width} px`);
  await survey
    .getByRole('region', { name: 'Send links til besvarelse' })
    .screenshot({ path: `${SCREENSHOTS}/samspil-survey-links-${width}.png` });
  return new URL(link).pathname;
}

describe('a collaboration survey answered through a single-use link', () => {
  for (const [round, viewport] of [
    { width: 1280, height: 900 },
    { width: 360, height: 780 },
  ].entries()) {
    it(`is issued by the team leader and answered once, without a login, at ${viewport.width} px`, async () => {
      const leader = await demo.loginAs('team-leader', viewport);
      await leader.getByRole('heading', { level: 1, name: 'Min enhed' }).waitFor();
      const path = await issueOneLink(leader, viewport.width, round);

      // Someone with the link only: a fresh browser, no session.
      const context = await demo.browser.newContext({ baseURL: demo.server.url, viewport, locale: 'da-DK' });
      const page = await context.newPage();
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: SURVEY }).waitFor();
      await page.getByText('Du er med, fordi du er i gruppen Socialrådgivere.').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Om din egen gruppe: Socialrådgivere' }).waitFor();
      for (const group of GROUPS.filter((g) => g !== 'Socialrådgivere'))
        await page.getByRole('heading', { level: 2, name: `Om ${group}` }).waitFor();
      // The frequency answers from too seldom to too often.
      const frequency = page
        .getByRole('region', { name: 'Om Jobkonsulenter' })
        .getByRole('group', { name: 'Hvor tit taler de med dig om de borgere, I har sammen?' });
      expect(await frequency.locator('label').allTextContents()).toEqual([
        'Alt for sjældent',
        'For sjældent',
        'Tilpas',
        'For tit',
        'Alt for tit',
      ]);

      await page.screenshot({ path: `${SCREENSHOTS}/samspil-survey-answer-top-${viewport.width}.png` });

      // Sent with nothing chosen: the summary names every question, nothing is stored.
      await page.getByRole('button', { name: 'Send svar' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Jobkonsulenter: Hyppig kommunikation' });
      await summary.waitFor();
      expect(await summary.locator('li').count()).toBe(GROUPS.length * 7);
      await expectAccessible(page, `answer errors at ${viewport.width} px`);

      // Every group, own included, on all seven questions.
      const groups = page.locator('form section');
      expect(await groups.count()).toBe(GROUPS.length);
      let n = 0;
      for (const section of await groups.all()) {
        for (const question of await section.locator('fieldset').all()) {
          await question
            .getByRole('radio')
            .nth(n % 5)
            .check();
          n++;
        }
      }
      expect(n).toBe(GROUPS.length * 7);
      // Each question answered since is no longer marked, and the summary is gone.
      await expect.poll(() => summary.count()).toBe(0);
      expect(await page.locator('.form-error-message').count()).toBe(0);
      await expectNoSidewaysScroll(page, `answer page at ${viewport.width} px`);
      await expectAccessible(page, `answer page at ${viewport.width} px`);
      await page.screenshot({
        path: `${SCREENSHOTS}/samspil-survey-answer-${viewport.width}.png`,
        fullPage: true,
      });

      // In English too, the answers kept.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'About your own group: Socialrådgivere' }).waitFor();
      await page
        .getByRole('region', { name: 'About Mentorer' })
        .getByRole('group', { name: 'How often do they talk with you about the citizens you share?' })
        .getByRole('radio', { name: 'Not nearly enough' })
        .waitFor();
      await page.getByRole('button', { name: 'Send answers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank you for your answers' }).waitFor();
      await page.getByRole('button', { name: 'Dansk' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tak for dine svar' }).waitFor();
      await expectAccessible(page, `thank-you at ${viewport.width} px`);
      await page.screenshot({ path: `${SCREENSHOTS}/samspil-survey-thanks-${viewport.width}.png` });

      // The link is used up: opening it again says so, without telling used from unknown.
      await page.goto(path);
      await page.getByText('Linket kan ikke bruges').waitFor();
      await page.getByText('Linket er brugt, udløbet, eller det findes ikke.', { exact: false }).waitFor();
      await expectAccessible(page, `used link at ${viewport.width} px`);
      await context.close();

      // The leader sees it counted as used.
      await leader.reload();
      const counts = leader.getByRole('table', { name: `Sendte og brugte links i ${SURVEY}` });
      const row = counts.locator('tbody tr', { has: leader.getByRole('rowheader', { name: 'Opfølgning' }) });
      await expect.poll(() => row.textContent()).toBe(`OpfølgningSocialrådgivere${round + 1}${round + 1}`);
      await leader.context().close();
    });
  }
});
