import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { fillDate } from './support/forms.js';

const demo = setUpDemoSession();

const VIEWPORTS = [
  { label: '1280 px', viewport: { width: 1280, height: 900 } },
  { label: '360 px', viewport: { width: 360, height: 780 } },
] as const;

/** Whether the element is the one with focus. */
function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** The form's DKFDS error summary, which must hold focus after a failed submit. */
async function expectFocusInSummary(form: Locator): Promise<Locator> {
  const summary = form.locator('.alert.alert-error.samspil-error-summary');
  await summary.waitFor();
  await expect.poll(() => hasFocus(summary)).toBe(true);
  return summary;
}

/** Opens the demo citizen's plan from My day, on a wide screen or through the mobile menu. */
async function openPlanFromMyDay(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
  await demo.openCitizenPlan(page);
}

describe.each(VIEWPORTS)('forms that guide, at $label', ({ label, viewport }) => {
  it('the sub-goal form: an empty submit lands in the error summary, its link leads to the field, a fix saves', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', viewport);
    await openPlanFromMyDay(page);
    await page.getByRole('button', { name: 'Tilføj delmål' }).click();
    const form = page.getByRole('form', { name: 'Tilføj delmål' });
    await form.getByRole('button', { name: 'Tilføj delmålet' }).click();

    const summary = await expectFocusInSummary(form);
    await summary.getByText('Der er 1 fejl i formularen').waitFor();
    const title = form.getByLabel('Delmål', { exact: true });
    // The inline DKFDS error sits at the field and describes it.
    await form
      .locator('.form-group.form-error .form-error-message', { hasText: 'Feltet skal udfyldes.' })
      .waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await title.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent()).toBe(
      'Feltet skal udfyldes.',
    );
    await expectAccessible(page, `sub-goal form with errors, ${label}`);

    await summary.getByRole('link', { name: 'Delmål: Feltet skal udfyldes.' }).click();
    await expect.poll(() => hasFocus(title)).toBe(true);
    await title.fill(`Møde op til praktik tre dage om ugen (${label})`);

    // A day that does not exist is named as such, in the summary and at the field.
    await fillDate(form, 'Måldato', '2026-04-31');
    await form.getByRole('button', { name: 'Tilføj delmålet' }).click();
    const again = await expectFocusInSummary(form);
    await again.getByRole('link', { name: 'Måldato: Datoen findes ikke.' }).click();
    const day = form.getByRole('group', { name: 'Måldato' }).getByLabel('Dag', { exact: true });
    await expect.poll(() => hasFocus(day)).toBe(true);
    await day.fill('30');
    await form.getByRole('button', { name: 'Tilføj delmålet' }).click();

    const saved = page.getByRole('status').filter({ hasText: 'Gemt' });
    await saved.getByText('Dine ændringer er gemt.').waitFor();
    await expect.poll(() => form.count()).toBe(0);
    await page
      .getByRole('heading', { level: 3, name: `Møde op til praktik tre dage om ugen (${label})` })
      .waitFor();
    await expectNoSidewaysScroll(page, `plan after saving, ${label}`);
    await expectAccessible(page, `plan with the success alert, ${label}`);
    await page.context().close();
    // The plan is the app's largest page and HTML_CodeSniffer reads all of it, twice.
  }, 180_000);

  it('the referral form: each missing field gets its own line in the summary, and sending is confirmed', async () => {
    const page = await demo.loginAs('home-care-nurse', viewport);
    await openPlanFromMyDay(page);
    const referrals = page.getByRole('region', { name: 'Henvisninger' });
    await referrals.getByRole('button', { name: 'Henvis til en anden enhed' }).click();
    const form = page.getByRole('form', { name: 'Ny henvisning' });
    await form.getByRole('button', { name: 'Send henvisning' }).click();

    const summary = await expectFocusInSummary(form);
    await summary.getByText('Der er 2 fejl i formularen').waitFor();
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Til enhed: Vælg den enhed, du henviser til.',
      'Besked til enheden: Skriv en begrundelse.',
    ]);
    await expectAccessible(page, `referral form with errors, ${label}`);

    await links.first().click();
    const unit = form.getByLabel('Til enhed', { exact: true });
    await expect.poll(() => hasFocus(unit)).toBe(true);
    await unit.selectOption({ label: 'Jobcenter – Team Ressource' });
    await summary.getByRole('link', { name: /^Besked til enheden/ }).click();
    const message = form.getByLabel('Besked til enheden');
    await expect.poll(() => hasFocus(message)).toBe(true);
    await message.fill('Borgeren vil gerne i gang med et par timers praktik om ugen.');
    await form.getByRole('button', { name: 'Send henvisning' }).click();
    await page.getByRole('status').getByText('Henvisningen er sendt.').waitFor();
    await expectAccessible(page, `plan after sending a referral, ${label}`);
    await page.context().close();
  }, 180_000);
});

describe('the DKFDS mobile menu at 360 px', () => {
  it('replaces the navigation bar, opens as a dialog, navigates and closes; My day fits', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', { width: 360, height: 780 });
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    // The bar's links are not shown; the menu button is.
    expect(await page.getByRole('link', { name: 'Mine borgere', exact: true }).count()).toBe(0);
    await expectNoSidewaysScroll(page, 'My day at 360 px');
    await expectAccessible(page, 'My day at 360 px');
    // Every flag link and tag on My day lies within the screen, none cut off.
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('main a, main .tag, main .samspil-tag')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.left < 0 || box.right > window.innerWidth + 0.5);
        })
        .map((element) => element.textContent),
    );
    expect(outside).toEqual([]);

    const menuButton = page.getByRole('button', { name: 'Menu', exact: true });
    await menuButton.click();
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    await drawer.waitFor();
    await expect.poll(() => hasFocus(drawer.getByRole('button', { name: 'Luk menu' }))).toBe(true);
    await expectAccessible(page, 'mobile menu open');
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await expect.poll(() => hasFocus(menuButton)).toBe(true);

    await menuButton.click();
    await drawer.getByRole('link', { name: 'Mine borgere', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor();
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await expectNoSidewaysScroll(page, 'caseload at 360 px');
    await page.context().close();
  });

  it('is not there at 1280 px, where the navigation is a bar', async () => {
    const page = await demo.loginAs('jobcenter-caseworker');
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    expect(await page.getByRole('button', { name: 'Menu', exact: true }).isVisible()).toBe(false);
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Mine borgere' })
      .waitFor();
    await page.context().close();
  });
});

describe('the footer pages', () => {
  it.each(VIEWPORTS)(
    'open without login and pass both engines, at $label',
    { timeout: 120_000 },
    async ({ label, viewport }) => {
      const context = await demo.browser.newContext({ baseURL: demo.server.url, viewport, locale: 'da-DK' });
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const footer = page.getByRole('contentinfo');
      await footer.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' }).waitFor();
      for (const heading of [
        'Overholdelsesstatus',
        'Indhold, der ikke er tilgængeligt',
        'Udarbejdelse af denne tilgængelighedserklæring',
        'Feedback og kontaktoplysninger',
        'Håndhævelsesprocedure',
      ]) {
        await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      }
      await page.getByText(/Digitaliseringsstyrelsen er ansvarlig for håndhævelsen/).waitFor();
      await page.getByText('Denne erklæring blev udarbejdet den 2. december 2026.').waitFor();
      await expectNoSidewaysScroll(page, `accessibility statement, ${label}`);
      await expectAccessible(page, `accessibility statement, ${label}`);

      await footer.getByRole('link', { name: 'Privatlivspolitik' }).click();
      await page.getByRole('heading', { level: 1, name: 'Privatlivspolitik' }).waitFor();
      for (const heading of [
        'Dataansvarlig',
        'Formål',
        'Retsgrundlag',
        'Modtagere',
        'Opbevaring',
        'Dine rettigheder',
        'Databeskyttelsesrådgiver',
      ]) {
        await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      }
      await page.getByText(/artikel 6, stk\. 1/).waitFor();
      await page
        .getByText(/Artikel 9, stk\. 2/)
        .first()
        .waitFor();
      await expectNoSidewaysScroll(page, `privacy notice, ${label}`);
      await expectAccessible(page, `privacy notice, ${label}`);
      await footer.getByRole('link', { name: /^Kontakt: / }).waitFor();

      // In English, the current language is marked, not offered as a button.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
      expect(await page.getByRole('button', { name: 'English' }).count()).toBe(0);
      expect(await page.locator('[aria-current="true"][lang="en"]').textContent()).toBe('English');
      await expectAccessible(page, `privacy notice in English, ${label}`);
      await context.close();
    },
  );
});
