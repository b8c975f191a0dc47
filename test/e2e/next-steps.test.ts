import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { fillDate } from './support/forms.js';

/**
 * "Næste skridt": the demo citizen's contact-person support (Socialpsykiatri) had its follow-up
 * six days ago. The social worker, whose unit owns it, finds it at the top of the plan, records
 * the follow-up from there, and it leaves both Næste skridt and My day's count. At 360 px the
 * jobcenter caseworker finds it too and follows its action to the intervention's card, and the
 * social worker records another plan's overdue follow-up, through the error summary, on a phone.
 */
const demo = setUpDemoSession();
const FOLLOW_UP = 'Opfølgning på Støtte- og kontaktperson (SKP) (Socialpsykiatri)';

/** Today in Denmark plus n days, as a date input takes it. */
function day(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

function nextSteps(page: Page) {
  return page.getByRole('region', { name: 'Næste skridt' });
}

/** The demo citizen's row in My day, and the overdue tag in it ("1 opfølgning overskredet"). */
function citizenRow(page: Page) {
  return page
    .getByRole('table', { name: 'Dine borgere med det, der kræver opmærksomhed' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: demo.persona('citizen'), exact: true }) });
}

describe('Næste skridt on the plan', () => {
  it('at 1280 px: finds the overdue follow-up, records it, and it leaves Næste skridt and My day', async () => {
    const page = await demo.loginAs('social-worker', { width: 1280, height: 900 });
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    await citizenRow(page).getByText('1 opfølgning overskredet').waitFor();
    await demo.openCitizenPlan(page);

    const steps = nextSteps(page);
    const item = steps.getByRole('listitem').filter({ hasText: FOLLOW_UP });
    await item.waitFor();
    await item.getByText(/^Overskredet siden \d+\. \w+\.?$/).waitFor();
    // The header names the overdue follow-up, not a later one.
    await page
      .locator('.samspil-plan-meta')
      .getByText(/Overskredet siden/)
      .waitFor();
    // So does the intervention's own card.
    await page
      .getByRole('article', { name: 'Støtte- og kontaktperson (SKP)' })
      .getByText(/Overskredet siden/)
      .waitFor();
    await expectAccessible(page, 'plan with next steps, 1280 px');

    await item.getByRole('button', { name: /Registrér opfølgning/ }).click();
    const form = page.getByRole('form', { name: /Registrér opfølgning på Støtte- og kontaktperson/ });
    await form.waitFor();
    // Empty, the form says what is missing before anything is sent.
    await form.getByRole('button', { name: 'Registrér opfølgning' }).click();
    await form.getByText('Vælg datoen for næste opfølgning.', { exact: true }).waitFor();
    await expectAccessible(page, 'follow-up form with an error, 1280 px');
    await fillDate(form, 'Næste opfølgning', day(30));
    await form.getByRole('button', { name: 'Registrér opfølgning' }).click();
    await item.waitFor({ state: 'detached' });
    await page
      .locator('.samspil-plan-meta')
      .getByText(/Overskredet siden/)
      .waitFor({ state: 'detached' });

    await page.locator('.samspil-back').getByRole('link', { name: 'Mit overblik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    await citizenRow(page).waitFor();
    await citizenRow(page)
      .getByText(/opfølgning(er)? overskredet/)
      .waitFor({ state: 'detached' });
    await expectAccessible(page, 'my day after the follow-up, 1280 px');
    await page.context().close();
    // A shared two-core machine: axe on the long plan page takes most of this.
  }, 150_000);

  it('at 360 px: lists a next step and follows its action to the place that handles it', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', { width: 360, height: 780 });
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    await demo.openCitizenPlan(page);
    const steps = nextSteps(page);
    await steps.waitFor();
    await expect.poll(() => steps.getByRole('listitem').count()).toBeGreaterThan(0);
    await expectNoSidewaysScroll(page, 'plan with next steps, 360 px');
    await expectAccessible(page, 'plan with next steps, 360 px');
    // Every step has its action; the first one leads into the plan.
    const first = steps.getByRole('listitem').first();
    const action = first.getByRole('link').or(first.getByRole('button')).first();
    await action.waitFor();
    const href = await action.getAttribute('href');
    await action.click();
    if (href?.startsWith('#')) await expect.poll(() => new URL(page.url()).hash).toBe(href);
    await page.context().close();
  });

  it('at 360 px: the social worker records an overdue follow-up from Næste skridt on another plan', async () => {
    const page = await demo.loginAs('social-worker', { width: 360, height: 780 });
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    // A plan, not the demo citizen's (the 1280 walk's), where an overdue follow-up is this unit's
    // to record: found through the API the pages use, so the choice follows the synthetic data.
    const target = await page.evaluate(async (skipName) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { unit: { id: string } | null };
      const list = (await (await fetch('/api/citizens?pageSize=100')).json()) as {
        items: { id: string; givenName: string; familyName: string }[];
      };
      for (const citizen of list.items) {
        if (`${citizen.givenName} ${citizen.familyName}` === skipName) continue;
        const steps = (await (await fetch(`/api/citizens/${citizen.id}/next-steps`)).json()) as {
          followUps: { interventionId: string; name: string }[];
        };
        if (steps.followUps.length === 0) continue;
        const plan = (await (await fetch(`/api/citizens/${citizen.id}/plan`)).json()) as {
          sectors: { interventions: { id: string; unit: { id: string } }[] }[];
        };
        const own = steps.followUps.find((step) =>
          plan.sectors.some((group) =>
            group.interventions.some(
              (item) => item.id === step.interventionId && item.unit.id === me.unit?.id,
            ),
          ),
        );
        if (own) return { path: `/borgere/${citizen.id}/plan`, name: own.name };
      }
      return null;
    }, demo.persona('citizen'));
    expect(target, 'a plan with an overdue follow-up of the social worker’s unit').not.toBeNull();
    if (!target) return;
    await page.goto(`${demo.server.url}${target.path}`);
    await page.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    const steps = nextSteps(page);
    const item = steps
      .getByRole('listitem')
      .filter({ hasText: `Opfølgning på ${target.name}` })
      .first();
    await item.getByText(/^Overskredet siden /).waitFor();
    await item.getByRole('button', { name: /Registrér opfølgning/ }).click();
    const form = page.getByRole('form', {
      name: new RegExp(`Registrér opfølgning på ${target.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    });
    await form.getByRole('button', { name: 'Registrér opfølgning' }).click();
    // Empty, it lands in the error summary, which takes focus and links to the field.
    const summary = form.getByRole('alert').filter({ hasText: 'Vælg datoen for næste opfølgning.' }).first();
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoSidewaysScroll(page, 'follow-up form with an error, 360 px');
    await expectAccessible(page, 'follow-up form with an error, 360 px');
    await fillDate(form, 'Næste opfølgning', day(30));
    await form.getByRole('button', { name: 'Registrér opfølgning' }).click();
    await expect
      .poll(() =>
        steps
          .getByRole('listitem')
          .filter({ hasText: `Opfølgning på ${target.name}` })
          .count(),
      )
      .toBe(0);
    await expectAccessible(page, 'plan after the follow-up, 360 px');
    await page.context().close();
  }, 150_000);
});
