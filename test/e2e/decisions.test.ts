import { mkdirSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { fillDate } from './support/forms.js';

/**
 * From meeting to decision (issue 14), in the browser: a team meeting's recommendation and a
 * decision that departs from it, which sends the case back to the team; and a preliminary
 * decision the citizen comments on in her portal, made final with what changed, its letter's
 * PDF text checked. Each page is checked at 1280 and 360 px.
 */
const demo = setUpDemoSession();
const SHOTS = 'test-results/screenshots';

async function citizenIdOf(page: Page): Promise<string> {
  return page.evaluate(
    async () => ((await (await fetch('/api/auth/me')).json()) as { citizenId: string }).citizenId,
  );
}

/** The page at 360 px too: no sideways scroll, no accessibility problem; then back to 1280. */
async function checkBothWidths(page: Page, label: string): Promise<void> {
  await expectAccessible(page, `${label}, 1280 px`);
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoSidewaysScroll(page, `${label}, 360 px`);
  await expectAccessible(page, `${label}, 360 px`);
  await page.screenshot({ path: `${SHOTS}/${label.replaceAll(' ', '-')}-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pdfText(page: Page, url: string): Promise<string> {
  const bytes = await page.evaluate(async (address) => {
    const response = await fetch(address);
    return Array.from(new Uint8Array(await response.arrayBuffer()));
  }, url);
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('decisions in the browser', () => {
  it('a team meeting recommends; a decision that departs from it sends the case back to the team', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const citizen = await demo.signedInAs('citizen', { width: 1280, height: 900 });
    const citizenId = await citizenIdOf(citizen);
    await citizen.context().close();

    const page = await demo.signedInAs('jobcenter-caseworker', { width: 1280, height: 900 });
    await page.goto('/teammoeder');
    await page.getByRole('heading', { level: 1, name: 'Teammøder' }).waitFor();
    const create = page.getByRole('form', { name: 'Nyt teammøde' });
    await create.getByRole('textbox', { name: 'Navn' }).fill('Rehabiliteringsteamet, december');
    await fillDate(create, 'Dato', addDays(danishToday(), 7));
    await create.getByRole('button', { name: 'Opret teammøde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rehabiliteringsteamet, december' }).waitFor();

    // The caseworker puts the citizen's case on the list; she attends with her support person.
    const add = page.getByRole('form', { name: 'Sæt en sag på listen' });
    const select = add.getByRole('combobox', { name: 'Borger' });
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    await select.selectOption({ value: citizenId });
    await add
      .getByRole('textbox', { name: 'Sagsbehandlerens resumé' })
      .fill('Praktik i et halvt år; ønsker afklaring.');
    await add.getByText('Borgeren deltager', { exact: true }).click();
    await add.getByRole('textbox', { name: 'Bisidder' }).fill('Hendes søster');
    await add.getByRole('button', { name: 'Sæt på listen' }).click();
    const card = page.locator('article.samspil-team-case').first();
    await card.getByText('Praktik i et halvt år; ønsker afklaring.').waitFor();
    await card.getByText(/med bisidder: Hendes søster/).waitFor();

    // The team's recommendation, with reasons.
    const recommend = card.getByRole('form', { name: /^Indstilling for / });
    await recommend.getByRole('textbox', { name: 'Teamets indstilling' }).fill('Ressourceforløb i 2 år.');
    await recommend
      .getByRole('textbox', { name: 'Begrundelse' })
      .fill('Hun har brug for tid og flere slags hjælp.');
    await recommend.getByRole('button', { name: 'Gem indstilling' }).click();
    await card.getByText('Ressourceforløb i 2 år.').waitFor();
    await checkBothWidths(page, 'team meeting with a recommendation');
    await page.screenshot({ path: `${SHOTS}/team-meeting-1280.png`, fullPage: true });

    // A decision on the case: it departs from the recommendation and says why.
    await card.getByRole('link', { name: 'Skriv udkast til afgørelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nyt udkast til afgørelse' }).waitFor();
    const draft = page.getByRole('form', { name: 'Udkast' });
    await draft.getByRole('textbox', { name: 'Hvad handler afgørelsen om?' }).fill('Forløb efter teammødet');
    await draft
      .getByRole('textbox', { name: 'Det vil enheden beslutte' })
      .fill('Jobafklaringsforløb i et år.');
    await draft
      .getByRole('textbox', { name: 'De oplysninger, det bygger på' })
      .fill('Hun er i praktik 8 timer om ugen.');
    await draft.getByRole('combobox', { name: 'Lovgrundlag' }).selectOption('LAB-68');
    await draft.getByRole('button', { name: 'Gem udkast' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forløb efter teammødet' }).waitFor();
    await page.getByText('Teamets indstilling:').waitFor();

    const final = page.getByRole('form', { name: 'Træf afgørelsen' });
    await final.getByRole('textbox', { name: 'De regler, der er brugt' }).fill('Reglerne om jobafklaring.');
    await final
      .getByRole('textbox', { name: 'De hovedhensyn, der er lagt vægt på' })
      .fill('Hun vil gerne prøve et job.');
    await final
      .getByRole('textbox', { name: 'De oplysninger, der er lagt vægt på' })
      .fill('Praktikken går godt.');
    await final
      .getByRole('group', { name: 'Følger afgørelsen teamets indstilling?' })
      .getByText('Nej')
      .click();
    await final.getByRole('button', { name: 'Træf afgørelsen' }).click();
    // Departing without a reason is refused at the field.
    await final
      .getByText('must say why the decision departs from the recommendation', { exact: true })
      .first()
      .waitFor();
    await final
      .getByRole('textbox', { name: 'Hvorfor afviger afgørelsen fra indstillingen?' })
      .fill('Et jobafklaringsforløb passer bedre nu.');
    await final.getByRole('button', { name: 'Træf afgørelsen' }).click();
    await page.getByText(/Afviger: Et jobafklaringsforløb passer bedre nu\./).waitFor();
    await checkBothWidths(page, 'decision that departs from the recommendation');
    await page.screenshot({ path: `${SHOTS}/decision-departs-1280.png`, fullPage: true });

    // The case is back on the team's list, returned with the reason.
    await page.getByRole('link', { name: 'Ressourceforløb i 2 år.' }).click();
    const back = page.locator('article.samspil-team-case').first();
    await back.getByText('Sendt tilbage', { exact: true }).waitFor();
    await back.getByText('Et jobafklaringsforløb passer bedre nu.').waitFor();
    await back.getByRole('form', { name: /^Indstilling for / }).waitFor();
    await page.context().close();
  });

  it('she comments on a preliminary decision in her portal; it is made final with the change, and its letter says so', async () => {
    const correction = 'Jeg er i praktik 8 timer om ugen, ikke 10.';
    const change = 'Vi har rettet timetallet til 8 timer, og mentoren fortsætter til 28. februar.';
    const citizen = await demo.signedInAs('citizen', { width: 1280, height: 900 });
    await citizen.waitForURL((url) => url.pathname === '/mit-forloeb');
    const citizenId = await citizenIdOf(citizen);
    const card = citizen
      .getByRole('region', { name: 'Afgørelser på vej' })
      .getByRole('article', { name: 'Mentorstøtte efter januar' });
    await card.getByRole('link', { name: 'Hent brevet om høringen (PDF)' }).waitFor();
    const form = card.getByRole('form', { name: 'Svar på »Mentorstøtte efter januar«' });
    await form.getByText('Rette en fejl i det, de bygger på').click();
    await form.getByRole('textbox', { name: 'Det vil jeg sige' }).fill(correction);
    await form.getByRole('button', { name: 'Send mit svar' }).click();
    await card.getByText(correction).waitFor();

    const page = await demo.signedInAs('jobcenter-caseworker', { width: 1280, height: 900 });
    await page.goto(`/borgere/${citizenId}/plan`);
    const section = page.getByRole('region', { name: 'Afgørelser' });
    await section.getByRole('link', { name: 'Mentorstøtte efter januar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentorstøtte efter januar' }).waitFor();
    await page.getByText(correction).waitFor();
    await page.getByText(/^Næste trin: træf afgørelsen$/).waitFor();
    await checkBothWidths(page, 'decision page after her answer');

    const final = page.getByRole('form', { name: 'Træf afgørelsen' });
    await final.getByRole('group', { name: 'Ændrede partshøringen afgørelsen?' }).getByText('Ja').click();
    await final
      .getByRole('textbox', { name: 'Hvad ændrede partshøringen, eller hvorfor ikke?' })
      .fill(change);
    await final
      .getByRole('textbox', { name: 'Afgørelsen' })
      .fill('Mentorstøtten fortsætter til 28. februar.');
    await final
      .getByRole('textbox', { name: 'De regler, der er brugt' })
      .fill('Mentorstøtte gives, når du har brug for den.');
    await final
      .getByRole('textbox', { name: 'De hovedhensyn, der er lagt vægt på' })
      .fill('Du siger selv, at det går godt, men du vil gerne have lidt mere tid.');
    await final
      .getByRole('textbox', { name: 'De oplysninger, der er lagt vægt på' })
      .fill('Du er i praktik 8 timer om ugen.');
    await final.getByRole('button', { name: 'Træf afgørelsen' }).click();
    await page.getByText('Ændret efter partshøringen:').waitFor();
    await page.getByText(change).waitFor();
    await page.getByRole('link', { name: 'Afgørelsesbrevet (PDF)' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/decision-final-1280.png`, fullPage: true });
    await page.context().close();

    // In her portal: the decision made, why, how she can appeal, and the letter.
    await citizen.reload();
    const made = citizen.getByRole('region', { name: 'Afgørelser', exact: true });
    const decision = made.getByRole('article', { name: 'Mentorstøtte efter januar' });
    await decision.getByText('Mentorstøtten fortsætter til 28. februar.').waitFor();
    await decision.getByRole('heading', { name: 'Det har vi ændret, fordi du svarede' }).waitFor();
    await decision.getByRole('heading', { name: 'Hvis du er uenig' }).waitFor();
    await decision.getByText(/^Du kan klage til Ankestyrelsen\. Vi skal have din klage senest /).waitFor();
    await checkBothWidths(citizen, 'Mit forløb with a decision made');
    const href = await decision.getByRole('link', { name: 'Hent brevet (PDF)' }).getAttribute('href');
    const text = await pdfText(citizen, href ?? '');
    for (const words of [
      'Vi har besluttet: Mentorstøtte efter januar',
      'Mentorstøtten fortsætter til 28. februar.',
      'Vi har ændret noget, fordi du svarede os:',
      'Du kan klage til Ankestyrelsen.',
      'Hvis du er uenig',
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(words);
    await citizen.context().close();
  });
});
