import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { unfold } from './support/plan-sections.js';
import { setUpDemoSession } from './support/demo-session.js';
import { fillDate } from './support/forms.js';

const demo = setUpDemoSession();

/** Today in Denmark plus n days, as a date input takes it. */
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

/** The timeline's own summary (its accessible name): the period shown and how many interventions. */
async function timelineSummary(page: Page): Promise<string> {
  const drawing = page.locator('section[aria-labelledby="plan-timeline"]').getByRole('img');
  return (await drawing.locator('title').textContent()) ?? '';
}

describe('a caseworker working with one plan', () => {
  it('opens My day, finds a citizen, adds a sub-goal and an intervention serving it, and sees both on the timeline and in the history', async () => {
    const page = await demo.loginAs('jobcenter-caseworker');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/mit-overblik');
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    const table = page.getByRole('table', { name: 'Dine borgere med det, der kræver opmærksomhed' });
    await table.waitFor();
    await expectAccessible(page, 'my day');

    // Filtering by what needs attention narrows the list, and the filter is kept in the address.
    const allRows = await table.getByRole('row').count();
    // The filters are folded above the list, so the list starts high on the screen.
    await page.locator('summary', { hasText: 'Vis kun borgere med' }).click();
    await page.getByRole('checkbox', { name: /Overskredet opfølgning/ }).check();
    await expect.poll(() => page.url()).toContain('vis=followUpsOverdue');
    expect(await table.getByRole('row').count()).toBeLessThan(allRows);
    await page.getByRole('checkbox', { name: /Overskredet opfølgning/ }).uncheck();

    // Find the first citizen by name.
    const firstLink = table.getByRole('rowheader').first().getByRole('link');
    const name = (await firstLink.textContent()) ?? '';
    await page.getByLabel('Søg på navn').fill(name.split(' ')[0] ?? name);
    await table.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Plan for ${name}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tidslinje' }).waitFor();
    await expectAccessible(page, 'plan');
    const before = await timelineSummary(page);

    // A sub-goal: the form validates as the API does (the title is required) before anything is sent.
    const addSubGoal = page.getByRole('button', { name: 'Tilføj delmål' });
    await addSubGoal.focus();
    await page.keyboard.press('Enter');
    const subGoalForm = page.getByRole('form', { name: 'Tilføj delmål' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Tilføj delmål');
    await subGoalForm.getByRole('button', { name: 'Tilføj delmålet' }).click();
    await subGoalForm.getByText('Feltet skal udfyldes.', { exact: true }).waitFor();
    await expectAccessible(page, 'sub-goal form with an error');
    const title = 'Tage bussen alene til praktikstedet';
    await subGoalForm.getByLabel('Delmål', { exact: true }).fill(title);
    await subGoalForm.getByLabel('Sådan måler vi det').fill('Antal ture uden følge pr. uge');
    await fillDate(subGoalForm, 'Måldato', day(60));
    await subGoalForm.getByLabel('Målopfyldelse (GAS)').selectOption('-1');
    await subGoalForm.getByRole('button', { name: 'Tilføj delmålet' }).click();
    await page.getByRole('heading', { level: 3, name: title }).waitFor();
    await expect.poll(() => subGoalForm.count()).toBe(0);

    // An intervention from the catalogue, serving the new sub-goal, with a follow-up date.
    await page.getByRole('button', { name: 'Tilføj indsats' }).click();
    const interventionForm = page.getByRole('form', { name: 'Tilføj indsats' });
    const typeSelect = interventionForm.getByLabel('Indsats fra kataloget');
    await expect.poll(() => typeSelect.locator('option').count()).toBeGreaterThan(5);
    await typeSelect.selectOption({ label: 'Mentorstøtte' });
    // The caseworker's own unit gives it, so its details stay visible to them ("that, not what").
    await interventionForm.getByLabel('Enhed').selectOption({ label: 'Jobcenter – Team Ressource' });
    const responsible = interventionForm.getByLabel('Ansvarlig');
    await expect.poll(() => responsible.locator('option').count()).toBeGreaterThan(1);
    await responsible.selectOption({ index: 1 });
    await interventionForm
      .getByLabel('Formål')
      .fill('At have en fast person at tage bussen med i begyndelsen');
    await fillDate(interventionForm, 'Opfølgning', day(30));
    await interventionForm.getByLabel('Hyppighed').fill('1 gang om ugen');
    await interventionForm.getByRole('checkbox', { name: title }).check();
    await expectAccessible(page, 'intervention form');
    await interventionForm.getByRole('button', { name: 'Tilføj indsatsen' }).click();
    await expect.poll(() => interventionForm.count()).toBe(0);

    // The sub-goal is now served by the new intervention.
    const subGoal = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: title }) });
    await subGoal.getByRole('link', { name: 'Mentorstøtte' }).waitFor();
    expect(await subGoal.getByText('Ingen indsats understøtter dette delmål.').count()).toBe(0);

    // On the timeline: one bar more, and both the intervention and the sub-goal's target date in its table.
    await expect.poll(() => timelineSummary(page)).not.toBe(before);
    const timeline = page.locator('section[aria-labelledby="plan-timeline"]');
    await timeline.getByText('Vis som tabel').click();
    const timelineTable = timeline.getByRole('table');
    const startsToday = timelineTable
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Mentorstøtte' }) })
      .filter({ hasText: danishDate(day(0)) })
      .filter({ hasText: 'Start' });
    await startsToday.first().waitFor();
    await timelineTable.getByRole('rowheader', { name: title }).waitFor();

    // In the history, newest first.
    await unfold(page, 'plan-history');
    const history = page.locator('section[aria-labelledby="plan-history"]');
    await history.getByText('tilføjede indsatsen »Mentorstøtte«').waitFor();
    await history.getByText(`tilføjede delmålet »${title}«`).waitFor();
    await expectAccessible(page, 'plan after editing');

    // Rating progress: the new GAS level joins the sub-goal's trace.
    await subGoal.getByRole('button', { name: `Redigér: ${title}` }).click();
    const editSubGoal = page.getByRole('form', { name: `Redigér delmålet »${title}«` });
    await editSubGoal.getByLabel('Målopfyldelse (GAS)').selectOption('0');
    await editSubGoal.getByRole('button', { name: 'Gem', exact: true }).click();
    await subGoal.getByText(/Udvikling: −1 → 0/).waitFor();

    // A pathway (forløb): started from a template, shown with its start, then ended with a reason.
    const pathways = page.locator('section[aria-labelledby="plan-pathways"]');
    await pathways.getByRole('button', { name: 'Start et forløb' }).click();
    const pathwayForm = page.getByRole('form', { name: 'Start et forløb' });
    await pathwayForm.getByRole('button', { name: 'Start forløbet' }).click();
    await pathwayForm.getByText('Feltet skal udfyldes.').first().waitFor();
    // A template the synthetic pathways never use, so this citizen has none open yet.
    await pathwayForm.getByLabel('Forløb').selectOption('helhedsorienteret-plan');
    await fillDate(pathwayForm, 'Startdato', day(-10));
    await expectAccessible(page, 'pathway form');
    await pathwayForm.getByRole('button', { name: 'Start forløbet' }).click();
    await expect.poll(() => pathwayForm.count()).toBe(0);
    const pathway = pathways.getByRole('listitem').filter({ hasText: 'Helhedsorienteret plan' });
    // The pathway's start (its stage began the same day: decision 0019).
    await pathway
      .getByText(`siden ${danishDate(day(-10))}`)
      .first()
      .waitFor();
    await pathway.getByRole('button', { name: 'Afslut forløbet: Helhedsorienteret plan' }).click();
    const endPathway = page.getByRole('form', { name: 'Afslut Helhedsorienteret plan' });
    await endPathway.getByLabel('Begrundelse').fill('Afklaret: fleksjob');
    // The outcome is asked for: without it the form says so at the field.
    await endPathway.getByRole('button', { name: 'Afslut', exact: true }).click();
    await endPathway.getByText('Feltet skal udfyldes.', { exact: true }).first().waitFor();
    await endPathway.getByLabel('Udfald').selectOption('flex-job');
    await endPathway.getByRole('button', { name: 'Afslut', exact: true }).click();
    await expect.poll(() => endPathway.count()).toBe(0);
    // An ended pathway is folded with the other ended ones.
    await pathways.getByRole('button', { name: /^Afsluttede \(\d+\)$/ }).click();
    await pathway.getByText('Afklaret: fleksjob').waitFor();
    await pathway.getByText('Sluttede med: Fleksjob').waitFor();
    await history.getByText('afsluttede forløbet »Helhedsorienteret plan«').waitFor();

    // Back on My day the plan now shows as recently changed.
    await page.getByRole('link', { name: 'Mit overblik' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    await page.context().close();
    // A long journey with five axe runs: on two shared, busy cores it needs more than the default.
  }, 120_000);

  it('keeps both changes when two people edit the same goal at once: the second sees theirs vs mine', async () => {
    const first = await demo.loginAs('jobcenter-caseworker');
    const second = await demo.loginAs('jobcenter-caseworker');
    const table = first.getByRole('table', { name: 'Dine borgere med det, der kræver opmærksomhed' });
    const link = table.getByRole('rowheader').nth(1).getByRole('link');
    const href = (await link.getAttribute('href')) ?? '';
    await Promise.all([first.goto(href), second.goto(href)]);
    for (const page of [first, second]) {
      await page.getByRole('heading', { level: 2, name: 'Borgerens mål' }).waitFor();
      await page.getByRole('button', { name: /Redigér målet|Skriv borgerens mål/ }).click();
    }
    const mine = 'Jeg vil have et arbejde, hvor jeg kan bruge mine hænder.';
    const theirs = 'Jeg vil kunne klare mig selv og have en hverdag med faste rutiner.';
    await first.getByLabel('Borgerens mål med egne ord').fill(mine);
    await second.getByLabel('Borgerens mål med egne ord').fill(theirs);

    await second.getByRole('button', { name: 'Gem', exact: true }).click();
    await second.getByText(theirs, { exact: false }).first().waitFor();
    await expect.poll(() => second.getByRole('form', { name: 'Redigér målet' }).count()).toBe(0);

    await first.getByRole('button', { name: 'Gem', exact: true }).click();
    const conflict = first.getByRole('alert').filter({ hasText: 'Planen er ændret, mens du skrev' });
    await conflict.waitFor();
    await conflict.getByText(theirs).waitFor();
    await conflict.getByText(mine).waitFor();
    await expectAccessible(first, 'conflict view');

    await conflict.getByRole('button', { name: 'Gem min ændring oven på den nye version' }).click();
    await expect.poll(() => first.getByRole('form', { name: 'Redigér målet' }).count()).toBe(0);
    const goal = first.locator('section[aria-labelledby="plan-goal"] blockquote');
    await expect.poll(() => goal.textContent()).toContain(mine);

    // Nothing is lost: the other change is in the history, replaced by mine.
    await unfold(first, 'plan-history');
    const history = first.locator('section[aria-labelledby="plan-history"]');
    await expect.poll(() => history.getByText('ændrede borgerens mål').count()).toBe(2);
    await history.getByText(theirs).first().waitFor();

    // The other session, reloading, sees the final version.
    await second.reload();
    await expect
      .poll(() => second.locator('section[aria-labelledby="plan-goal"] blockquote').textContent())
      .toContain(mine);

    // Again, on the professional wording; this time the first person takes theirs and drops their own.
    await Promise.all(
      [first, second].map((page) => page.getByRole('button', { name: 'Redigér målet' }).click()),
    );
    await first.getByLabel('Faglig formulering').fill('Min faglige formulering, som ikke bliver gemt.');
    await second
      .getByLabel('Faglig formulering')
      .fill('Borgeren ønsker faste rutiner og et arbejde med hænderne.');
    await second.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect.poll(() => second.getByRole('form', { name: 'Redigér målet' }).count()).toBe(0);
    await first.getByRole('button', { name: 'Gem', exact: true }).click();
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Behold planen, som den er nu' }).click();
    await expect.poll(() => first.getByRole('form', { name: 'Redigér målet' }).count()).toBe(0);
    const goalSection = first.locator('section[aria-labelledby="plan-goal"]');
    await goalSection.getByText('Borgeren ønsker faste rutiner og et arbejde med hænderne.').waitFor();
    expect(await goalSection.getByText('Min faglige formulering').count()).toBe(0);
    await first.context().close();
    await second.context().close();
  });
});

describe('the people around the citizen, by keyboard', () => {
  it('adds a relative to the organisation, opens their contact details and ends an intervention with a reason', async () => {
    const page = await demo.loginAs('jobcenter-caseworker');
    const table = page.getByRole('table', { name: 'Dine borgere med det, der kræver opmærksomhed' });
    await table.waitFor();
    // A citizen with an intervention this caseworker can see in full and end (found through the API).
    const citizenName = await page.evaluate(async () => {
      const myDay = (await (await fetch('/api/my-day')).json()) as {
        items: { id: string; givenName: string; familyName: string }[];
      };
      for (const item of myDay.items.slice(2)) {
        const plan = (await (await fetch(`/api/citizens/${item.id}/plan`)).json()) as {
          sectors: { interventions: { detailsHidden?: boolean; status: string }[] }[];
        };
        const endable = plan.sectors
          .flatMap((group) => group.interventions)
          .some((intervention) => !intervention.detailsHidden && intervention.status !== 'ended');
        if (endable) return `${item.givenName} ${item.familyName}`;
      }
      return null;
    });
    expect(citizenName).not.toBeNull();
    await table.getByRole('link', { name: citizenName ?? '', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Borgerens organisation' }).waitFor();

    // A relative, entered with the keyboard only.
    await page.getByRole('button', { name: 'Tilføj person' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Tilføj person' });
    await form.getByRole('radio', { name: 'Pårørende eller netværk' }).focus();
    await page.keyboard.press('Space');
    await form.getByLabel('Navn').focus();
    await page.keyboard.type('Karin Fiktivsen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Søster');
    await form.getByLabel('Telefon').fill('+45 12 34 56 78');
    await form.getByLabel('E-mail').fill('ikke-en-adresse');
    await form.getByRole('button', { name: 'Tilføj personen' }).click();
    await form.getByText('Skriv en gyldig e-mailadresse.', { exact: true }).waitFor();
    await form.getByLabel('E-mail').fill('karin@example.org');
    await form.getByRole('button', { name: 'Tilføj personen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.count()).toBe(0);
    const organisation = page.locator('section[aria-labelledby="plan-team"]');
    const relative = organisation.getByRole('listitem').filter({ hasText: 'Karin Fiktivsen' }).last();
    // Contact details one click (or key press) away.
    await relative.locator('summary').focus();
    await page.keyboard.press('Enter');
    await relative.getByRole('link', { name: 'Telefon +45 12 34 56 78' }).waitFor();
    await expectAccessible(page, 'organisation with a person opened');

    // Escape closes a form without saving.
    await organisation.getByRole('button', { name: 'Tilføj person' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('form', { name: 'Tilføj person' }).count()).toBe(0);

    // End the first active intervention with a reason; it stays in the plan as ended.
    const card = page
      .locator('section[aria-labelledby="plan-interventions"] li')
      .filter({ has: page.getByRole('button', { name: /^Afslut: / }) })
      .first();
    const name = ((await card.getByRole('heading', { level: 4 }).textContent()) ?? '').trim();
    await card.getByRole('button', { name: `Afslut: ${name}` }).click();
    const end = page.getByRole('form', { name: `Afslut indsatsen »${name}«` });
    await end.getByLabel('Begrundelse').fill('Målet er nået; borgeren klarer det selv nu.');
    await end.getByRole('button', { name: 'Afslut', exact: true }).click();
    await expect.poll(() => end.count()).toBe(0);
    await unfold(page, 'plan-history');
    const history = page.locator('section[aria-labelledby="plan-history"]');
    await history.getByText(`afsluttede indsatsen »${name}«`).first().waitFor();
    await history.getByText('Målet er nået; borgeren klarer det selv nu.').first().waitFor();
    await page.context().close();
  });
});
