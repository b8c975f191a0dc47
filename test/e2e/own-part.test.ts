import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { followNavLink } from './support/navigation.js';
import { LoginPage, PlanPage } from './support/pages/index.js';

const demo = setUpDemoSession();
const SHOTS = 'test-results/screenshots';

const WALKS = [
  {
    width: 360,
    goal: 'Jeg vil have et arbejde, hvor jeg møder andre',
    step: 'Gå en tur hver morgen',
    comment: 'Jeg kan bedst om formiddagen',
  },
  {
    width: 1280,
    goal: 'Jeg vil have et arbejde med dyr',
    step: 'Min bror hjælper mig med at handle',
    comment: 'Godt med en fast kontakt',
  },
] as const;

/** The form's DKFDS error summary, which holds focus after a failed submit. */
async function expectFocusInSummary(form: Locator): Promise<void> {
  const summary = form.locator('.alert.alert-error.samspil-error-summary');
  await summary.waitFor();
  await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
}

/** Waits until the element holds focus (a closed form gives it back to its button on the next frame). */
async function expectFocused(locator: Locator): Promise<void> {
  await locator.waitFor();
  await expect.poll(() => locator.evaluate((element) => element === document.activeElement)).toBe(true);
}

async function sayIsSaved(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .getByText(/gemt|sat til gjort|sendt/i)
    .first()
    .waitFor();
}

describe('the citizen’s own part of Mit forløb', () => {
  it('she writes her goal, adds and ticks off her own step, and says yes to the plan with a comment', async () => {
    mkdirSync(SHOTS, { recursive: true });
    let citizenId = '';
    for (const walk of WALKS) {
      const page = await demo.signedInAs('citizen', { width: walk.width, height: 800 });
      await page.waitForURL((url) => url.pathname === '/mit-forloeb');
      const label = `${walk.width} px`;

      // Her goal in her own words; the professional wording stays as it was.
      const goal = new PlanPage(page).section('Mit mål');
      const edit = goal.getByRole('button', { name: /^(Skriv dit mål med dine egne ord|Ret dit mål)$/ });
      await edit.waitFor();
      const staffBefore = await goal.locator('.samspil-muted').allTextContents();
      await edit.click();
      const goalForm = page.getByRole('form', { name: 'Dit mål med dine egne ord' });
      await goalForm.getByRole('textbox', { name: 'Mit mål' }).fill('');
      await goalForm.getByRole('button', { name: 'Gem' }).click();
      await expectFocusInSummary(goalForm);
      await goalForm.getByRole('textbox', { name: 'Mit mål' }).fill(walk.goal);
      await goalForm.getByRole('button', { name: 'Gem' }).click();
      await goal.locator('blockquote').getByText(walk.goal).waitFor();
      await expectFocused(goal.getByRole('button', { name: 'Ret dit mål' }));
      expect(await goal.locator('.samspil-muted').allTextContents()).toEqual(staffBefore);

      // A step of her own, or of her network: an empty one is refused with a summary, then saved.
      const steps = page.getByRole('region', { name: 'Det gør jeg selv' });
      await steps.getByRole('button', { name: 'Tilføj et skridt' }).click();
      const stepForm = page.getByRole('form', { name: 'Tilføj et skridt' });
      await stepForm.getByRole('button', { name: 'Gem skridtet' }).click();
      await expectFocusInSummary(stepForm);
      await stepForm.getByRole('textbox', { name: 'Hvad vil du gøre?' }).fill(walk.step);
      if (walk.width === 1280)
        await stepForm.getByText('Min familie, mine venner eller andre, jeg kender').click();
      await stepForm.getByRole('button', { name: 'Gem skridtet' }).click();
      await expectFocused(steps.getByRole('button', { name: 'Tilføj et skridt' }));
      const box = steps.getByRole('checkbox', { name: walk.step });
      await box.waitFor();
      expect(await box.isChecked()).toBe(false);
      await box.check();
      await sayIsSaved(page);
      await steps
        .getByText(/gjort \d/)
        .first()
        .waitFor();
      await expect.poll(() => box.isChecked()).toBe(true);

      // Her say on the plan: a comment, and a yes to the plan as it is now.
      const say = page.getByRole('region', { name: 'Hvad synes du om planen?' });
      await say.getByRole('textbox', { name: 'Det vil jeg sige om planen' }).fill(walk.comment);
      await say.getByText('Jeg siger ja til planen, som den er nu').click();
      await say.getByRole('button', { name: 'Send' }).click();
      await say
        .getByTestId('approval-status')
        .getByText(/^Du sagde ja til planen \d/)
        .waitFor();
      await say.getByText(walk.comment).waitFor();
      // The form is empty again, ready for the next comment.
      await expect
        .poll(() => say.getByRole('textbox', { name: 'Det vil jeg sige om planen' }).inputValue())
        .toBe('');

      await expectNoSidewaysScroll(page, `own part, ${label}`);
      await expectAccessible(page, `Mit forløb with her own part, ${label}`);
      await page.screenshot({ path: `${SHOTS}/own-part-${walk.width}.png`, fullPage: true });
      await page.getByRole('link', { name: 'Se hele planen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Min plan' }).waitFor();
      citizenId = new URL(page.url()).pathname.split('/')[2] ?? '';
      await page.context().close();
    }

    // The team sees what she wrote under her goal, and her approval; and the history says who.
    const caseworker = await demo.signedInAs('jobcenter-caseworker', { width: 1280, height: 900 });
    await caseworker.goto(`/borgere/${citizenId}/plan`);
    const voice = caseworker.locator('.samspil-citizen-voice');
    await voice
      .getByTestId('citizen-approval')
      .getByText(/^Borgeren godkendte planen \d/)
      .waitFor();
    for (const walk of WALKS) {
      await voice.getByText(walk.step).waitFor();
      await voice.getByText(walk.comment).waitFor();
    }
    expect(await caseworker.locator('blockquote').first().textContent()).toContain(WALKS[1].goal);
    await expectAccessible(caseworker, 'the plan with the citizen’s own part');
    await caseworker.context().close();
  });

  it('she prepares her next meeting, reads what was agreed at the last one and says how it was', async () => {
    const citizen = await demo.signedInAs('citizen');
    const citizenId = await citizen.evaluate(
      async () => ((await (await fetch('/api/auth/me')).json()) as { citizenId: string }).citizenId,
    );
    await citizen.context().close();
    // The caseworker arranges a meeting in five days, and records one held yesterday.
    const caseworker = await demo.signedInAs('jobcenter-caseworker', { width: 1280, height: 900 });
    const api = (path: string, body: unknown) =>
      caseworker.evaluate(
        async ({ path, body }) => {
          const response = await fetch(path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'samspil' },
            body: JSON.stringify(body),
          });
          return { status: response.status, body: (await response.json()) as { id: string } };
        },
        { path, body },
      );
    const base = `/api/citizens/${citizenId}/meetings`;
    const soon = await api(base, {
      kind: 'network',
      purpose: 'Netværksmøde om job og hverdag',
      startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      place: 'Jobcentret, lokale 2',
    });
    expect(soon.status).toBe(201);
    const past = await api(base, {
      kind: 'network',
      purpose: 'Opstart',
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      place: 'Jobcentret',
    });
    expect(past.status).toBe(201);
    const held = await api(`${base}/${past.body.id}/hold`, {
      summary: 'Vi aftalte at prøve en praktik i dyrehandlen.',
    });
    expect(held.status).toBe(200);

    for (const width of [360, 1280]) {
      const page = await demo.signedInAs('citizen', { width, height: 800 });
      await page.waitForURL((url) => url.pathname === '/mit-forloeb');
      const before = page.getByRole('region', { name: 'Før mødet' });
      await before.getByRole('button', { name: /^(Forbered mødet|Ret det, du har skrevet)$/ }).click();
      const form = page.getByRole('form', { name: 'Forbered mødet' });
      if (width === 360) {
        await form.getByRole('button', { name: 'Gem' }).click();
        await expectFocusInSummary(form);
      }
      const talk = `Hvor mange timer jeg kan (${width})`;
      await form.getByRole('textbox', { name: 'Hvad vil du tale om på mødet?' }).fill(talk);
      await form.getByRole('textbox', { name: 'Hvem vil du gerne have med?' }).fill('Min søster');
      await form.getByRole('button', { name: 'Gem' }).click();
      await before.getByText(talk).waitFor();
      // The form has closed and given focus back to its button, before anything else is pressed.
      await expectFocused(before.getByRole('button', { name: 'Ret det, du har skrevet' }));

      const after = page.getByRole('region', { name: 'Efter mødet' });
      await after.getByText('Vi aftalte at prøve en praktik i dyrehandlen.').waitFor();
      if (width === 360) {
        const feedback = after.getByRole('form', { name: 'Hvordan var mødet?' });
        await feedback.getByRole('button', { name: 'Send svar' }).click();
        await expectFocusInSummary(feedback);
        for (const question of await feedback.getByRole('group').all())
          await question.getByText('For det meste').click();
        await feedback.getByRole('button', { name: 'Send svar' }).click();
      }
      await after.getByText('Tak for dine svar om mødet.').waitFor();
      await expectNoSidewaysScroll(page, `meeting preparation, ${width} px`);
      await expectAccessible(page, `Mit forløb before and after a meeting, ${width} px`);
      await page.screenshot({ path: `${SHOTS}/meeting-${width}.png`, fullPage: true });
      await page.context().close();
    }

    // The organiser reads her preparation on the meeting, and her answers are among the measures.
    await caseworker.goto(`/borgere/${citizenId}/plan`);
    const card = caseworker.getByRole('article').filter({ hasText: 'Netværksmøde om job og hverdag' });
    await card.getByText('Borgerens forberedelse').waitFor();
    await card.getByText('Hvor mange timer jeg kan (1280)').waitFor();
    const measures = await caseworker.evaluate(
      async (path) =>
        (await (await fetch(path)).json()) as {
          responses: { instrument: { code: string }; context: { id: string } }[];
        },
      `/api/citizens/${citizenId}/measures`,
    );
    expect(
      measures.responses.filter(
        (response) => response.instrument.code === 'session-feedback' && response.context.id === past.body.id,
      ),
    ).toHaveLength(1);
    await caseworker.context().close();
  });

  it('she says how her steps are going, and sees her ratings over time as a chart and a table', async () => {
    for (const [width, answer] of [
      [360, 'Det går trægt'],
      [1280, 'Det går bedre'],
    ] as const) {
      const page = await demo.signedInAs('citizen', { width, height: 800 });
      await page.waitForURL((url) => url.pathname === '/mit-forloeb');
      const steps = page.getByRole('region', { name: 'Mine skridt' });
      const first = steps.locator('.samspil-step').first();
      const title = (await first.getByRole('heading', { level: 3 }).textContent()) ?? '';
      await first.getByRole('button', { name: 'Sig, hvordan det går' }).click();
      const form = first.getByRole('form', { name: `Hvordan går det med »${title}«?` });
      await form.getByRole('button', { name: 'Gem' }).click();
      await form.getByText('Vælg et svar', { exact: true }).first().waitFor();
      await form.getByText(answer, { exact: true }).click();
      await form.getByRole('button', { name: 'Gem' }).click();
      await first.getByText(new RegExp(`^Min vurdering: ${answer} \\(`)).waitFor();

      const over = page.getByRole('region', { name: 'Sådan har det gået' });
      const table = over.getByRole('table', {
        name: `Sådan er det gået med »${title}«. Samme svar står i tabellen.`,
      });
      await table.getByRole('cell', { name: answer }).waitFor();
      // Two ratings make a line: the chart comes with the table.
      if (width === 1280) {
        expect(await table.locator('tbody tr').count()).toBe(2);
        await over
          .getByRole('img', { name: `Sådan er det gået med »${title}«. Samme svar står i tabellen.` })
          .waitFor();
      }
      await expectNoSidewaysScroll(page, `ratings, ${width} px`);
      await expectAccessible(page, `Mit forløb with her ratings, ${width} px`);
      await page.context().close();
    }
  });

  it('she answers a preliminary decision before its deadline: corrects a fact, and the unit reads it', async () => {
    const correction = 'Jeg er i praktik 8 timer om ugen, ikke 10.';
    const page = await demo.signedInAs('citizen', { width: 360, height: 800 });
    await page.waitForURL((url) => url.pathname === '/mit-forloeb');
    const decisions = page.getByRole('region', { name: 'Afgørelser på vej' });
    const card = decisions.getByRole('article', { name: 'Mentorstøtte efter januar' });
    await card.getByText(/^Du kan sige din mening og rette fejl til og med /).waitFor();
    const form = card.getByRole('form', { name: 'Svar på »Mentorstøtte efter januar«' });
    await form.getByRole('button', { name: 'Send mit svar' }).click();
    await expectFocusInSummary(form);
    await form.getByText('Rette en fejl i det, de bygger på').click();
    await form.getByRole('textbox', { name: 'Det vil jeg sige' }).fill(correction);
    await form.getByRole('button', { name: 'Send mit svar' }).click();
    await card.getByRole('heading', { name: 'Det har du svaret' }).waitFor();
    await card.getByText(correction).waitFor();
    await expectNoSidewaysScroll(page, 'decision in hearing, 360 px');
    await expectAccessible(page, 'Mit forløb with a decision in hearing, 360 px');
    const citizenId = await page.evaluate(
      async () => ((await (await fetch('/api/auth/me')).json()) as { citizenId: string }).citizenId,
    );
    await page.context().close();

    const caseworker = await demo.signedInAs('jobcenter-caseworker', { width: 1280, height: 900 });
    await caseworker.goto(`/borgere/${citizenId}/plan`);
    // The plan has one line per decision; its page has her answer.
    const section = caseworker.getByRole('region', { name: 'Afgørelser' });
    await section.getByRole('link', { name: 'Mentorstøtte efter januar' }).click();
    await caseworker.getByText(correction).waitFor();
    await expectAccessible(caseworker, 'the decision page with her answer');
    await caseworker.context().close();
  });

  it('her consent decides at once: withdrawn, a unit loses the details; a power of attorney revoked, her sister loses her plan', async () => {
    const citizen = await demo.signedInAs('citizen', { width: 360, height: 800 });
    const citizenId = await citizen.evaluate(
      async () => ((await (await fetch('/api/auth/me')).json()) as { citizenId: string }).citizenId,
    );
    // The social worker (Socialpsykiatri) sees every intervention in full, by her consent.
    const social = await demo.signedInAs('social-worker', { width: 1280, height: 900 });
    const hiddenFor = async (): Promise<number> =>
      social.evaluate(async (path) => {
        const plan = (await (await fetch(path)).json()) as {
          sectors: { interventions: { detailsHidden?: boolean }[] }[];
        };
        return plan.sectors.flatMap((sector) => sector.interventions).filter((item) => item.detailsHidden)
          .length;
      }, `/api/citizens/${citizenId}/plan`);
    expect(await hiddenFor()).toBe(0);

    await followNavLink(citizen, 'Samtykker');
    await citizen.getByRole('heading', { level: 1, name: 'Samtykker' }).waitFor();
    const consent = citizen.getByRole('article', { name: 'Samtykke til Socialpsykiatri' });
    await consent.getByRole('button', { name: /^Træk samtykke tilbage/ }).click();
    await citizen.getByText('Samtykket er trukket tilbage.').waitFor();
    // At once: the next read shows the other units' interventions without their details.
    expect(await hiddenFor()).toBeGreaterThan(0);
    await social.goto(`/borgere/${citizenId}/plan`);
    await social
      .getByRole('article', { name: /^Indsats i / })
      .first()
      .waitFor();
    await expectAccessible(social, 'the plan after the citizen withdrew her consent');
    await social.context().close();

    // Her sister has power of attorney from her and from one more citizen; revoked, only the other is left.
    await followNavLink(citizen, 'Fuldmagt');
    await citizen.getByRole('heading', { level: 1, name: 'Fuldmagt' }).waitFor();
    await citizen.getByRole('button', { name: `Tilbagekald fuldmagt: ${demo.persona('relative')}` }).click();
    await citizen
      .getByRole('listitem')
      .filter({ hasText: demo.persona('relative') })
      .getByText(/^Tilbagekaldt /)
      .waitFor();
    await citizen.context().close();
    const context = await demo.browser.newContext({
      baseURL: demo.server.url,
      locale: 'da-DK',
      viewport: { width: 360, height: 780 },
    });
    const sister = await context.newPage();
    // Through the login page on purpose: what her login offers is what is tested.
    const login = await new LoginPage(sister).goto();
    await login.personaButton(demo.persona('relative')).click();
    await sister.waitForURL(
      (url) => !url.pathname.startsWith('/login') || url.pathname === '/login/fuldmagt',
    );
    expect(await sister.getByRole('button', { name: `Vælg ${demo.persona('citizen')}` }).count()).toBe(0);
    const refused = await sister.evaluate(
      async (path) => (await fetch(path)).status,
      `/api/citizens/${citizenId}/plan`,
    );
    expect([403, 404]).toContain(refused);
    await context.close();
  });
});
