/**
 * `npm run docs:screenshots`: takes the user guide's screenshots (docs/user-guide/*.png) from the
 * real demo server in headless Chromium, so they always show the product as it is. It starts
 * `samspil serve --demo` on a fresh data folder, makes a few changes through the API as two
 * different professionals (so history, GAS traces and "changed since my last visit" have
 * something to show), and photographs each screen the guide shows in Danish at 1280 px, and two
 * at 360 px.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays, danishToday } from '../src/domain/calendar.js';
import { launchBrowser } from '../test/e2e/support/browser.js';
import { startDemoServer } from '../test/e2e/support/server.js';

const OUT = resolve('docs/user-guide');

interface PlanJson {
  version: number;
  subGoals: { id: string; title: string; status: string; gasLevel: number | null }[];
}

async function session(browser: Browser, url: string, persona: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.evaluate(async (id) => {
    const response = await fetch('/api/auth/demo-login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'samspil' },
      body: JSON.stringify({ persona: id }),
    });
    if (!response.ok) throw new Error(`demo login ${id}: ${response.status}`);
  }, persona);
  return page;
}

/** One call to the API as the page's user (not a plan change); returns the id it answers with. */
async function api(page: Page, method: string, path: string, body: unknown): Promise<string> {
  const { status, id } = await page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'samspil' },
        body: JSON.stringify(body),
      });
      return { status: response.status, id: ((await response.json()) as { id?: string }).id ?? '' };
    },
    { method, path, body },
  );
  if (status >= 300) throw new Error(`${method} ${path}: ${status}`);
  return id;
}

/** One plan change through the API, on the current version. */
async function change(
  page: Page,
  citizenId: string,
  method: string,
  path: string,
  body: unknown,
): Promise<void> {
  const status = await page.evaluate(
    async ({ citizenId, method, path, body }) => {
      const plan = await fetch(`/api/citizens/${citizenId}/plan`);
      const response = await fetch(`/api/citizens/${citizenId}/plan${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          'X-Requested-With': 'samspil',
          'If-Match': plan.headers.get('ETag') ?? '',
        },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    { citizenId, method, path, body },
  );
  if (status >= 300) throw new Error(`${method} ${path}: ${status}`);
}

async function planOf(page: Page, citizenId: string): Promise<PlanJson> {
  return page.evaluate(
    async (id) => (await (await fetch(`/api/citizens/${id}/plan`)).json()) as PlanJson,
    citizenId,
  );
}

async function shoot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; height?: number } = {},
): Promise<void> {
  const path = resolve(OUT, `${name}.png`);
  if (options.height) {
    await page.screenshot({
      path,
      clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height: options.height },
      fullPage: true,
    });
  } else {
    await page.screenshot({ path, fullPage: options.fullPage ?? false });
  }
  console.log(`  ${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(resolve(OUT, 'citizen'), { recursive: true });
  console.log('Starting the demo server and Chromium …');
  const [server, browser] = await Promise.all([startDemoServer({ citizens: 400 }), launchBrowser()]);
  try {
    const caseworker = await session(browser, server.url, 'jobcenter-caseworker');
    const myDay = await caseworker.evaluate(
      async () =>
        (await (await fetch('/api/my-day')).json()) as { items: { id: string; familyName: string }[] },
    );
    const citizenId = myDay.items[0]?.id;
    if (!citizenId) throw new Error('the caseworker has no citizens');

    // A story for the plan: the caseworker rates progress over time and adds a sub-goal …
    const plan = await planOf(caseworker, citizenId);
    const active = plan.subGoals.find((goal) => goal.status === 'active');
    if (active) {
      await change(caseworker, citizenId, 'PATCH', `/sub-goals/${active.id}`, { gasLevel: -1 });
      await change(caseworker, citizenId, 'PATCH', `/sub-goals/${active.id}`, { gasLevel: 0 });
    }
    await change(caseworker, citizenId, 'POST', '/sub-goals', {
      title: 'Tage bussen alene til praktikstedet',
      measure: 'Antal ture uden følge pr. uge',
      targetDate: addDays(danishToday(), 75),
      gasLevel: -1,
    });
    // … looks at the plan (a visit) …
    await caseworker.goto(`/borgere/${citizenId}/plan`);
    await caseworker.getByRole('heading', { level: 2, name: 'Borgerens mål' }).waitFor();
    // … and then a colleague in another sector changes it.
    const colleague = await session(browser, server.url, 'social-worker');
    if (active) {
      const relation = await colleague.evaluate(
        async (id) => (await fetch(`/api/citizens/${id}/plan`)).status,
        citizenId,
      );
      if (relation === 200)
        await change(colleague, citizenId, 'PATCH', `/sub-goals/${active.id}`, { gasLevel: 1 });
    }

    console.log('Taking screenshots:');
    const anonymous = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1280, height: 900 },
    });
    const login = await anonymous.newPage();
    await login.goto('/login');
    await login.getByRole('heading', { level: 2, name: 'Medarbejdere' }).waitFor();
    await shoot(login, 'login', { fullPage: true });

    await caseworker.goto('/mit-overblik');
    await caseworker.getByRole('table').waitFor();
    await shoot(caseworker, 'my-day', { height: 1300 });

    await caseworker.goto('/borgere');
    await caseworker.getByRole('table').waitFor();
    await shoot(caseworker, 'caseload', { height: 1100 });

    await caseworker.goto(`/borgere/${citizenId}/plan`);
    await caseworker.getByRole('heading', { level: 2, name: 'Borgerens mål' }).waitFor();
    await caseworker.getByRole('heading', { level: 2, name: 'Historik' }).waitFor();
    await shoot(caseworker, 'plan', { height: 1500 });
    const section = (id: string) => caseworker.locator(`section[aria-labelledby="${id}"]`);
    await section('plan-sub-goals').screenshot({ path: resolve(OUT, 'plan-sub-goals.png') });
    console.log('  plan-sub-goals.png');
    await section('plan-timeline').screenshot({ path: resolve(OUT, 'plan-timeline.png') });
    console.log('  plan-timeline.png');
    await section('plan-team').locator('summary').first().click();
    await section('plan-team').screenshot({ path: resolve(OUT, 'plan-organisation.png') });
    console.log('  plan-organisation.png');
    // The pyramid and the history start folded: open them for their pictures.
    const unfold = async (id: string): Promise<void> => {
      const toggle = caseworker.locator(`#${id} button[aria-expanded="false"]`);
      if ((await toggle.count()) > 0) await toggle.click();
    };
    await unfold('plan-pyramid');
    await section('plan-pyramid').screenshot({ path: resolve(OUT, 'plan-pyramid.png') });
    console.log('  plan-pyramid.png');
    await unfold('plan-history');
    await section('plan-history').screenshot({ path: resolve(OUT, 'plan-history.png') });
    console.log('  plan-history.png');

    await caseworker.getByRole('button', { name: 'Tilføj indsats' }).click();
    const form = caseworker.getByRole('form', { name: 'Tilføj indsats' });
    await form.getByLabel('Indsats fra kataloget').selectOption({ label: 'Mentorstøtte' });
    await form.getByLabel('Formål').fill('At have en fast person at gå til i hverdagen og på arbejdspladsen');
    await form.getByLabel('Hyppighed').fill('4 timer om ugen');
    await form.screenshot({ path: resolve(OUT, 'plan-add-intervention.png') });
    console.log('  plan-add-intervention.png');
    await form.getByRole('button', { name: 'Annullér' }).click();

    // The conflict view: the caseworker edits the goal while the colleague saves a change.
    await caseworker.getByRole('button', { name: /Redigér målet|Skriv borgerens mål/ }).click();
    await caseworker
      .getByLabel('Borgerens mål med egne ord')
      .fill(
        'Jeg vil have et arbejde, hvor jeg kan bruge mine hænder, og vise mine børn, at det kan lade sig gøre.',
      );
    const colleagueCanEdit =
      (await colleague.evaluate(
        async (id) => (await fetch(`/api/citizens/${id}/plan`)).status,
        citizenId,
      )) === 200;
    const other = colleagueCanEdit ? colleague : await session(browser, server.url, 'jobcenter-caseworker');
    await change(other, citizenId, 'PUT', '/goal', {
      ownWords: 'Jeg vil kunne klare mig selv og have en hverdag med faste rutiner.',
      professionalWording: 'Borgeren ønsker at opbygge stabile rutiner som grundlag for beskæftigelse.',
    });
    await caseworker.getByRole('button', { name: 'Gem', exact: true }).click();
    const conflict = caseworker.getByRole('alert').filter({ hasText: 'Planen er ændret' });
    await conflict.waitFor();
    await caseworker
      .getByRole('form', { name: 'Redigér målet' })
      .screenshot({ path: resolve(OUT, 'plan-conflict.png') });
    console.log('  plan-conflict.png');

    const leader = await session(browser, server.url, 'team-leader');
    await leader.goto('/min-enhed');
    await leader.getByRole('table', { name: 'Borgere med flest åbne signaler' }).waitFor();
    await shoot(leader, 'unit-overview', { height: 1400 });
    await leader.goto('/koordinering');
    await leader.getByTestId('last-scan').waitFor();
    await shoot(leader, 'coordination-overview', { height: 1300 });
    await leader.goto('/samarbejde');
    await leader.getByRole('table', { name: /^Relationer mellem faggrupperne/ }).waitFor();
    await leader.locator('.samspil-network svg').nth(1).waitFor();
    await shoot(leader, 'surveys', { height: 1500 });
    // A new survey being created: its title and work groups.
    await leader.getByRole('button', { name: 'Ny samarbejdsmåling' }).click();
    const newSurvey = leader.getByRole('form', { name: 'Ny samarbejdsmåling' });
    await newSurvey.getByRole('textbox', { name: 'Titel' }).fill('Samarbejde om unge 2027');
    await newSurvey.getByRole('textbox', { name: 'Faggruppe 1' }).fill('Jobkonsulenter');
    await newSurvey.getByRole('textbox', { name: 'Faggruppe 2' }).fill('UU-vejledere');
    await newSurvey.getByRole('button', { name: 'Tilføj en faggruppe' }).click();
    await newSurvey.getByRole('textbox', { name: 'Faggruppe 3' }).fill('Socialrådgivere');
    await newSurvey.screenshot({ path: resolve(OUT, 'surveys-new.png') });
    console.log('  surveys-new.png');
    await newSurvey.getByRole('button', { name: 'Annullér' }).click();

    // The demo citizen's plan: her coordination flags and her pathway (ressourceforløb).
    const citizen = await session(browser, server.url, 'citizen');
    const sara = await citizen.evaluate(
      async () => ((await (await fetch('/api/auth/me')).json()) as { citizenId: string }).citizenId,
    );
    await caseworker.goto(`/borgere/${sara}/plan`);
    await section('plan-coordination').getByRole('article').first().waitFor();
    await section('plan-coordination').screenshot({ path: resolve(OUT, 'coordination.png') });
    console.log('  coordination.png');
    await section('plan-pathways').screenshot({ path: resolve(OUT, 'plan-pathways.png') });
    console.log('  plan-pathways.png');
    // Her measures: WHO-5, function levels as a profile, her answers after meetings.
    const measures = section('plan-measures-heading');
    // The tables behind the function-level and meeting-answer charts are folded under them.
    await measures
      .getByRole('img', { name: /^Gennemsnit af borgerens svar/ })
      .locator('svg')
      .waitFor();
    await measures.locator('.samspil-profile-chart svg').waitFor();
    await measures.screenshot({ path: resolve(OUT, 'plan-measures.png') });
    console.log('  plan-measures.png');
    await caseworker.goto('/indbakke');
    await caseworker.getByRole('heading', { level: 1 }).waitFor();
    await shoot(caseworker, 'inbox', { height: 900 });
    // A referral to the jobcentre from the social worker, so the jobcentre has one received.
    const jobcentre = await caseworker.evaluate(
      async () => ((await (await fetch('/api/auth/me')).json()) as { unit: { id: string } }).unit.id,
    );
    const referred = await colleague.evaluate(
      async ({ citizenId, toUnitId }) =>
        (
          await fetch(`/api/citizens/${citizenId}/referrals`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'samspil' },
            body: JSON.stringify({
              toUnitId,
              reason: 'Afklaring af arbejdsevne i praktik ved siden af støtten',
            }),
          })
        ).status,
      { citizenId: sara, toUnitId: jobcentre },
    );
    if (referred !== 201) throw new Error(`referral: ${referred}`);
    await caseworker.goto('/henvisninger');
    await caseworker.getByRole('article').first().waitFor();
    await shoot(caseworker, 'referrals', { height: 1000 });

    // The citizen's own pages: who has looked at her data (the caseworker just did), consents.
    await citizen.goto('/hvem-har-set');
    await citizen.getByRole('table').first().waitFor();
    await shoot(citizen, 'access-log', { height: 1100 });
    await citizen.goto('/samtykker');
    await citizen.getByRole('heading', { level: 1, name: 'Samtykker' }).waitFor();
    await shoot(citizen, 'consents', { height: 1100 });
    // Mit forløb, the citizen's start page, at 1280 and on her phone.
    await citizen.goto('/mit-forloeb');
    await citizen.getByRole('heading', { level: 1, name: 'Mit forløb' }).waitFor();
    await shoot(citizen, 'citizen/mit-forloeb', { height: 1400 });
    const citizenPhone = await session(browser, server.url, 'citizen', 360);
    await citizenPhone.goto('/mit-forloeb');
    await citizenPhone.getByRole('heading', { level: 1, name: 'Mit forløb' }).waitFor();
    await shoot(citizenPhone, 'citizen/mit-forloeb-phone', { height: 1600 });
    // Her own part: a step of her own, one her network does, a comment and her yes to the plan.
    await change(citizen, sara, 'POST', '/own-steps', { title: 'Gå en tur hver morgen', doer: 'me' });
    await change(citizen, sara, 'POST', '/own-steps', {
      title: 'Min søster hjælper mig med at handle',
      doer: 'network',
    });
    await change(citizen, sara, 'POST', '/comments', {
      text: 'Jeg kan bedst om formiddagen.',
      approve: true,
    });
    // A meeting coming up, which she prepares; and the decision in hearing the demo seeds.
    const meetingId = await api(caseworker, 'POST', `/api/citizens/${sara}/meetings`, {
      kind: 'network',
      purpose: 'Netværksmøde om praktik og hverdag',
      startsAt: new Date(Date.now() + 6 * 86_400_000).toISOString(),
      place: 'Jobcentret, mødelokale 2',
    });
    await api(citizen, 'PUT', `/api/citizens/${sara}/meetings/${meetingId}/preparation`, {
      matters: 'At komme ud blandt andre uden at blive for træt.',
      talkAbout: 'Hvor mange timer jeg kan være i praktik.',
      inviteWishes: 'Min søster Louise.',
    });
    await citizenPhone.reload();
    const decisions = citizenPhone.getByRole('region', { name: 'Afgørelser på vej' });
    await decisions.getByRole('article').first().waitFor();
    await decisions.screenshot({ path: resolve(OUT, 'citizen/decision-hearing-phone.png') });
    const preparation = citizenPhone.getByRole('region', { name: 'Før mødet' });
    await preparation.screenshot({ path: resolve(OUT, 'citizen/meeting-preparation-phone.png') });
    console.log('  citizen/decision-hearing-phone.png, citizen/meeting-preparation-phone.png');
    const ownSteps = citizenPhone.getByRole('region', { name: 'Det gør jeg selv' });
    await ownSteps.getByRole('checkbox').first().waitFor();
    await ownSteps.screenshot({ path: resolve(OUT, 'citizen/own-steps-phone.png') });
    const say = citizenPhone.getByRole('region', { name: 'Hvad synes du om planen?' });
    await say.screenshot({ path: resolve(OUT, 'citizen/plan-say-phone.png') });
    console.log('  citizen/own-steps-phone.png, citizen/plan-say-phone.png');
    await citizenPhone.context().close();
    await caseworker.goto(`/borgere/${sara}/plan`);
    const voice = caseworker.locator('.samspil-citizen-voice');
    await voice.getByTestId('citizen-approval').waitFor();
    await voice.screenshot({ path: resolve(OUT, 'plan-citizen-voice.png') });
    console.log('  plan-citizen-voice.png');

    const phone = await session(browser, server.url, 'jobcenter-caseworker', 360);
    await phone.goto(`/borgere/${citizenId}/plan`);
    await phone.getByRole('heading', { level: 2, name: 'Borgerens mål' }).waitFor();
    await shoot(phone, 'plan-mobile', { height: 1400 });
    await phone.goto('/mit-overblik');
    await phone.getByRole('table').waitFor();
    await shoot(phone, 'my-day-mobile', { height: 1400 });
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
