import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { fillDate } from './support/forms.js';
import { followNavLink } from './support/navigation.js';

const demo = setUpDemoSession();
const SCREENSHOTS = process.env.SAMSPIL_SCREENSHOT_DIR;

function day(offset: number): string {
  const date = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(date);
}

/** A YYYY-MM-DD day as the app writes it in Danish, e.g. "22. nov. 2026". */
function danishDate(isoDay: string): string {
  return new Intl.DateTimeFormat('da-DK', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDay}T00:00:00Z`));
}

describe('pathway templates (decision 0019)', () => {
  it('a caseworker moves a ressourceforløb to its next stage on the plan and sees what is due', async () => {
    const page = await demo.signedInAs('jobcenter-caseworker', { width: 1280, height: 900 });
    await demo.openCitizenPlan(page);
    const pathways = page.locator('section[aria-labelledby="plan-pathways"]');
    const running = pathways
      .getByRole('listitem')
      .filter({ hasText: 'Ressourceforløb' })
      .filter({ has: page.getByRole('button', { name: 'Flyt fase: Ressourceforløb' }) });
    // The section and its pathways render together: wait for it before counting.
    await pathways.getByRole('button', { name: 'Start et forløb' }).waitFor();
    if ((await running.count()) === 0) {
      await pathways.getByRole('button', { name: 'Start et forløb' }).click();
      const form = page.getByRole('form', { name: 'Start et forløb' });
      await form.getByLabel('Forløb').selectOption('ressourceforloeb');
      await fillDate(form, 'Startdato', day(-10));
      await form.getByRole('button', { name: 'Start forløbet' }).click();
      await expect.poll(() => form.count()).toBe(0);
    }
    // The start form lists the municipality's published templates, from the templates API.
    await pathways.getByRole('button', { name: 'Start et forløb' }).click();
    const start = page.getByRole('form', { name: 'Start et forløb' });
    await start
      .getByRole('option', { name: 'Handleplan efter serviceloven § 141 (Serviceloven § 141)' })
      .waitFor({
        state: 'attached',
      });
    await start.getByRole('button', { name: 'Annullér' }).click();
    const pathway = running.first();
    await pathway.getByText(/^Fase: Opsporing siden/).waitFor();
    await pathway.getByRole('button', { name: 'Flyt fase: Ressourceforløb' }).click();
    const move = page.getByRole('form', { name: 'Flyt Ressourceforløb til næste fase' });
    await expectAccessible(page, 'move a pathway to its next stage');
    await move
      .getByLabel('Næste fase')
      .selectOption({ label: 'Forberedelse: borgerens og sagsbehandlerens del' });
    await move.getByRole('button', { name: 'Flyt', exact: true }).click();
    await expect.poll(() => move.count()).toBe(0);
    await pathway
      .getByText(`Fase: Forberedelse: borgerens og sagsbehandlerens del siden ${danishDate(day(0))}`)
      .waitFor();
    await pathway.getByText(`frist ${danishDate(day(56))}`).waitFor();
    if (SCREENSHOTS) await pathways.screenshot({ path: `${SCREENSHOTS}/pathway-stage.png` });
    await page.context().close();
  }, 120_000);

  it('a leader copies a template, changes a deadline in the draft and publishes version 2', async () => {
    for (const width of [1280, 360]) {
      const page = await demo.signedInAs('team-leader', { width, height: 900 });
      await followNavLink(page, 'Forløbsskabeloner');
      await page.getByRole('heading', { level: 1, name: 'Forløbsskabeloner' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Ressourceforløb' }).waitFor();
      await expectAccessible(page, `pathway templates at ${width} px`);
      await expectNoSidewaysScroll(page, `pathway templates at ${width} px`);
      if (SCREENSHOTS)
        await page.screenshot({ path: `${SCREENSHOTS}/pathway-templates-${width}.png`, fullPage: true });
      await page.context().close();
    }
    const page = await demo.signedInAs('team-leader', { width: 1280, height: 900 });
    await followNavLink(page, 'Forløbsskabeloner');
    const section = page.getByRole('region', { name: 'Handleplan efter serviceloven § 141' });
    await section.getByRole('button', { name: 'Vis faser: Version 1' }).click();
    await section.getByText('frist 28 dage fra fasens start').waitFor();
    await section.getByRole('button', { name: 'Kopiér til ny kladde: Version 1' }).click();
    const draft = page.getByRole('form', { name: 'Ret kladde, version 2' });
    await draft.waitFor();
    const second = draft.getByRole('group', { name: 'Fase 2' });
    await second.getByLabel('Frist i dage').fill('21');
    await expectAccessible(page, 'pathway template draft');
    if (SCREENSHOTS)
      await page.screenshot({ path: `${SCREENSHOTS}/pathway-template-draft.png`, fullPage: true });
    await draft.getByRole('button', { name: 'Gem kladde' }).click();
    await expect.poll(() => draft.count()).toBe(0);
    await section.getByRole('button', { name: 'Udgiv: Version 2' }).click();
    // Version 2 is published today (version 1 was seeded with the demo: yesterday, after midnight).
    await expect.poll(() => section.getByRole('button', { name: 'Udgiv: Version 2' }).count()).toBe(0);
    await section
      .getByText(`Udgivet ${danishDate(day(0))}`)
      .last()
      .waitFor();
    await section.getByRole('button', { name: 'Vis faser: Version 2' }).click();
    await section.getByText('frist 21 dage fra fasens start').waitFor();
    // Version 1 is kept as it was.
    expect(await section.getByText('Kladde', { exact: true }).count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
