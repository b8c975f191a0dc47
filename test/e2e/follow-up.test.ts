import { mkdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { unfold } from './support/plan-sections.js';
import { FollowUpPage, MyPathwayPage } from './support/pages/index.js';

/**
 * Follow-up that changes what does not work: the social worker, whose unit owns the demo
 * citizen's contact-person support, opens its follow-up page from the plan, records "change
 * within the frame" (once more often than she can manage), and the plan, its history and the
 * citizen's Mit forløb show the change and where it came from.
 */
const demo = setUpDemoSession();
const SHOTS = 'test-results/screenshots';
const NAME = 'Støtte- og kontaktperson (SKP)';

/** Today in Denmark plus n days, as a date field takes it. */
function day(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

describe('a follow-up that changes an intervention', () => {
  it('at 1280 px: recorded on its own page, it changes the intervention and the history says so', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await demo.signedInAs('social-worker', { width: 1280, height: 900 });
    await demo.openCitizenPlan(page);
    const card = page.getByRole('article', { name: NAME });
    await card.getByRole('link', { name: `Opfølgning: ${NAME}` }).click();

    const followUp = new FollowUpPage(page);
    await followUp.heading(NAME).waitFor();
    await followUp.history().waitFor();
    await expectAccessible(page, 'follow-up page, 1280 px');

    // A change needs its reasons: the form says so before anything is sent.
    await followUp.fill(NAME, { outcome: 'Ændring inden for rammen', frequency: 'En gang om ugen' });
    await followUp.submit(NAME);
    await followUp
      .form(NAME)
      .getByText('Skriv begrundelsen for udfaldet.', { exact: true })
      .first()
      .waitFor();
    await expectAccessible(page, 'follow-up form with errors, 1280 px');
    await followUp.fill(NAME, {
      outcome: 'Ændring inden for rammen',
      reasons: 'To gange om ugen er for meget lige nu.',
      nextDate: day(42),
    });
    // The citizen answered WHO-5 at the follow-up ("Noget af tiden" to all five: 60).
    await followUp.form(NAME).getByText('WHO-5 (borgerens svar)').click();
    const questions = followUp.form(NAME).locator('details').getByRole('combobox');
    for (let index = 0; index < 5; index += 1) await questions.nth(index).selectOption({ index: 3 });
    await followUp.submit(NAME);
    await followUp.history().getByText('Ændring inden for rammen').first().waitFor();
    await followUp.history().getByText('To gange om ugen er for meget lige nu.').waitFor();
    await followUp
      .history()
      .getByText(/WHO-5: 60/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/follow-up-1280.png`, fullPage: true });

    await page.getByRole('link', { name: 'Tilbage til planen' }).click();
    await page.getByRole('article', { name: NAME }).getByText('En gang om ugen').first().waitFor();
    await unfold(page, 'plan-history');
    const history = page.getByRole('region', { name: 'Historik' });
    await history
      .getByText(/ændret ved opfølgningen/)
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        console.info(await history.innerText());
        throw error;
      });
    await page.context().close();
  }, 150_000);

  it('at 360 px: the follow-up page fits a phone, and Mit forløb tells the citizen in plain Danish', async () => {
    const page = await demo.signedInAs('social-worker', { width: 360, height: 780 });
    await demo.openCitizenPlan(page);
    const card = page.getByRole('article', { name: NAME });
    await card.getByRole('link', { name: `Opfølgning: ${NAME}` }).click();
    const followUp = new FollowUpPage(page);
    await followUp.heading(NAME).waitFor();
    await followUp.history().getByText('Ændring inden for rammen').first().waitFor();
    await expectNoSidewaysScroll(page, 'follow-up page, 360 px');
    await expectAccessible(page, 'follow-up page, 360 px');
    await page.screenshot({ path: `${SHOTS}/follow-up-360.png`, fullPage: true });
    await page.context().close();

    const citizen = await demo.signedInAs('citizen', { width: 360, height: 780 });
    const mine = await new MyPathwayPage(citizen).loaded();
    const region = mine.page.getByRole('region', { name: 'Opfølgning' });
    await region.getByText(new RegExp(`Vi ændrer ${NAME.replace(/[()]/g, '\\$&')}\\.`)).waitFor();
    await expectAccessible(citizen, 'Mit forløb with a follow-up, 360 px');
    await citizen.context().close();
  }, 150_000);
});
