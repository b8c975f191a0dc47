import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll, expectPagesFitAndAccessible } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { fillDate } from './support/forms.js';
import { CaseloadPage, InboxPage, type PlanPage } from './support/pages/index.js';

const demo = setUpDemoSession();

/** Opens the demo citizen Sara's plan from My day, as a professional on her plan would. */
async function openSarasPlan(page: Page): Promise<PlanPage> {
  const myDay = await new CaseloadPage(page).openMyDay();
  return myDay.openCitizen(demo.persona('citizen'));
}

describe('coordination flags', () => {
  it('a duplicate is seen, explained and dismissed until a date by the social worker, and the caseworker sees who dismissed it', async () => {
    const social = await demo.signedInAs('social-worker');
    // My day shows how many coordination flags each citizen has.
    await social
      .getByRole('link', { name: /koordineringssignal/ })
      .first()
      .waitFor();
    const socialPlan = await openSarasPlan(social);
    const section = socialPlan.section('Koordinering');
    const duplicate = section.getByRole('article', { name: 'Dobbelt indsats' });
    await duplicate.waitFor();
    // Explained: the rule's reason in plain Danish, and what it looked at.
    await expect.poll(() => duplicate.textContent()).toMatch(/samme/);
    await duplicate.getByText('Det drejer sig om').waitFor();
    // The cards the flag concerns carry a marker.
    expect(await social.getByRole('link', { name: 'Koordinering', exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(social, 'plan with coordination flags');

    await duplicate.getByRole('button', { name: /^Tag hånd om/ }).click();
    await duplicate.getByLabel(/Kommentar/).fill('Jeg tager den med Søren på torsdag.');
    await duplicate.getByRole('button', { name: 'Tag hånd om signalet' }).click();
    await duplicate.getByText('Taget hånd om', { exact: true }).first().waitFor();

    // The cause remains (both units still coordinate), so the flag is not "resolved": it says why
    // it is open (said once above the flags), and it may rest with a reason and a return date (ADR 0014).
    await section.getByText(/Signalet er åbent, fordi årsagen stadig findes i planen/).waitFor();
    expect(await duplicate.getByRole('button', { name: /^Markér som løst/ }).count()).toBe(0);
    await duplicate.getByRole('button', { name: /^Afvis/ }).click();
    // Both a reason and a date are needed: empty is refused in the form.
    await duplicate.getByRole('button', { name: 'Afvis signalet', exact: true }).click();
    await duplicate.getByRole('alert').first().waitFor();
    await duplicate
      .getByLabel('Hvorfor må signalet hvile?')
      .fill('Socialpsykiatrien stopper sin koordinering; jobcentret fortsætter.');
    await fillDate(duplicate, 'Vender tilbage den', inDays(30));
    await duplicate.getByRole('button', { name: 'Afvis signalet', exact: true }).click();
    // The save is confirmed in words, with the return date.
    await social
      .getByRole('status')
      .getByText(/^Signalet er afvist og hviler til \d+\. \w+\.? \d{4}\.$/)
      .waitFor();
    // Dismissed flags leave the open list and go to the closed ones, with their history.
    await section.getByText(/lukke(t|de) signal/).waitFor();
    await expectAccessible(social, 'plan after dismissing a flag');
    await social.context().close();

    const caseworker = await demo.signedInAs('jobcenter-caseworker');
    const closed = (await openSarasPlan(caseworker)).section('Koordinering');
    await closed.getByText(/lukke(t|de) signal/).click();
    const resolved = closed.getByRole('article', { name: 'Dobbelt indsats' });
    await resolved.getByText(/^Afvist til /).waitFor();
    await resolved.getByText('Historik', { exact: true }).click();
    await resolved.getByText(demo.persona('social-worker'), { exact: false }).first().waitFor();
    await resolved
      .getByText('Socialpsykiatrien stopper sin koordinering; jobcentret fortsætter.')
      .first()
      .waitFor();
    await caseworker.context().close();
  });
});

/** Today in Denmark plus n days, as a date input takes it. */
function inDays(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

describe('referrals', () => {
  it('go through their whole loop between two units, and the inbox tells the people involved', async () => {
    // The home-care nurse asks the jobcentre's team to start something for one of Sara's sub-goals.
    const sender = await demo.signedInAs('home-care-nurse');
    const referrals = (await openSarasPlan(sender)).section('Henvisninger');
    await referrals.getByRole('button', { name: 'Henvis til en anden enhed' }).click();
    const form = sender.getByRole('form', { name: 'Ny henvisning' });
    await form.getByLabel('Til enhed', { exact: true }).selectOption({ label: 'Jobcenter – Team Ressource' });
    const subGoal = form.getByLabel('For delmål');
    const firstSubGoal = (await subGoal.locator('option').nth(1).textContent()) ?? '';
    await subGoal.selectOption({ index: 1 });
    await form.getByLabel('Besked til enheden').fill('Sara vil gerne prøve et par timers praktik om ugen.');
    await expectAccessible(sender, 'new referral form');
    await form.getByRole('button', { name: 'Send henvisning' }).click();
    const sent = referrals.getByRole('article', { name: /til Jobcenter – Team Ressource$/ });
    await sent.getByText('Afventer svar').waitFor();
    await sent.getByText(firstSubGoal).waitFor();
    await sender.context().close();

    // The receiving unit's leader is told in the inbox.
    const leader = await demo.signedInAs('team-leader');
    await new InboxPage(leader).openUnread();
    // Said by the web from the notification's kind and data: who sent it, in Danish.
    await leader
      .getByText(/\S har sendt en henvisning for en borger\.$/)
      .first()
      .waitFor();
    await expectAccessible(leader, 'inbox');
    await leader.getByRole('button', { name: 'Markér alle som læst' }).click();
    await leader.getByText('0 ulæste beskeder').waitFor();
    await leader.context().close();

    // A caseworker in the receiving unit answers, starts and completes it.
    const receiver = await demo.signedInAs('jobcenter-caseworker');
    await receiver.getByRole('link', { name: /^Henvisninger(, .+)?$/ }).click();
    await receiver.getByRole('heading', { level: 1, name: 'Henvisninger' }).waitFor();
    const incoming = receiver.getByRole('article', { name: /til Jobcenter – Team Ressource$/ }).first();
    await incoming.getByText('Sara vil gerne prøve et par timers praktik om ugen.').waitFor();
    await expectAccessible(receiver, 'referrals, incoming');
    await incoming.getByRole('button', { name: /^Acceptér/ }).click();
    await incoming.getByRole('button', { name: 'Acceptér', exact: true }).click();
    await incoming.getByText('Accepteret', { exact: true }).waitFor();
    await receiver.getByRole('status').getByText('Henvisningen er accepteret.').waitFor();
    await incoming.getByRole('button', { name: /^Indsatsen er startet/ }).click();
    await incoming.getByRole('button', { name: 'Indsatsen er startet', exact: true }).click();
    await incoming.getByText('Indsats startet', { exact: true }).waitFor();
    await incoming.getByRole('button', { name: /^Afslut henvisningen/ }).click();
    await incoming.getByLabel(/Kommentar/).fill('Praktikken er i gang.');
    await incoming.getByRole('button', { name: 'Afslut henvisningen', exact: true }).click();
    await incoming.getByText('Afsluttet', { exact: true }).waitFor();
    await receiver.context().close();

    // The sender is told, and sees the loop closed.
    const back = await demo.signedInAs('home-care-nurse');
    await new InboxPage(back).unreadLink().click();
    await back
      .getByText(/\S har opdateret en henvisning for en borger\.$/)
      .first()
      .waitFor();
    await back.getByRole('link', { name: /^Henvisninger(, .+)?$/ }).click();
    await back.getByLabel('Sendte henvisninger').check();
    await back
      .getByRole('article', { name: /til Jobcenter – Team Ressource$/ })
      .first()
      .getByText('Afsluttet')
      .waitFor();
    await expectAccessible(back, 'referrals, sent');
    await back.context().close();
  });

  it('a declined referral shows its reason to the sender', async () => {
    const sender = await demo.signedInAs('jobcenter-caseworker');
    const referrals = (await openSarasPlan(sender)).section('Henvisninger');
    await referrals.getByRole('button', { name: 'Henvis til en anden enhed' }).click();
    const form = sender.getByRole('form', { name: 'Ny henvisning' });
    await form.getByLabel('Til enhed', { exact: true }).selectOption({ label: 'Socialpsykiatri' });
    await form.getByLabel('Besked til enheden').fill('Kan I tage over?');
    await form.getByRole('button', { name: 'Send henvisning' }).click();
    await referrals
      .getByRole('article', { name: /til Socialpsykiatri$/ })
      .first()
      .waitFor();
    await sender.context().close();

    const receiver = await demo.signedInAs('social-worker');
    await receiver.getByRole('link', { name: /^Henvisninger(, .+)?$/ }).click();
    const incoming = receiver.getByRole('article', { name: /til Socialpsykiatri$/ }).first();
    await incoming.getByRole('button', { name: /^Afvis/ }).click();
    await incoming.getByLabel('Begrundelse').fill('Vi har allerede en koordinerende indsats.');
    await incoming.getByRole('button', { name: 'Afvis', exact: true }).click();
    await incoming.getByText('Vi har allerede en koordinerende indsats.').last().waitFor();
    await receiver.context().close();
  });
});

describe("the leaders' coordination overview", () => {
  it('shows flags by rule, unit pair, sector pair and within one sector, at 1280 and 360 px', async () => {
    const leader = await demo.signedInAs('team-leader');
    await leader.getByRole('link', { name: 'Koordinering', exact: true }).click();
    await leader.getByRole('heading', { level: 1, name: 'Koordinering på tværs' }).waitFor();
    // One unit-pair table (the "most colliding" one repeated it), sector pairs of two different
    // sectors, and within-sector signals apart.
    for (const name of ['Signaler pr. regel', 'Åbne signaler pr. enhedspar']) {
      const table = leader.getByRole('table', { name });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    }
    expect(await leader.getByRole('table', { name: 'Enhedspar, der kolliderer mest' }).count()).toBe(0);
    await leader.getByRole('heading', { level: 2, name: 'Åbne signaler pr. sektorpar' }).waitFor();
    await leader.getByRole('heading', { level: 2, name: 'Åbne signaler inden for én sektor' }).waitFor();
    await leader.getByRole('rowheader', { name: 'Dobbelt indsats' }).waitFor();
    await expectAccessible(leader, 'coordination overview');
    // The municipality's rule settings: a unit's team leader reads them; an administrator changes
    // them (issue 9, finding 10).
    await leader.getByText('Reglerne gælder hele kommunen; kun en administrator kan ændre dem.').waitFor();
    // Read-only, the settings are a section, not a form: there is nothing to submit.
    const readOnly = leader.getByRole('region', { name: 'Indsatser kolliderer' });
    expect(await leader.getByRole('form', { name: 'Indsatser kolliderer' }).count()).toBe(0);
    expect(await readOnly.getByRole('button', { name: /^Gem/ }).count()).toBe(0);
    expect(await readOnly.getByLabel('Mindst overlap (minutter)').isDisabled()).toBe(true);
    const administrator = await demo.signedInAs('administrator');
    await administrator.getByRole('link', { name: 'Koordinering', exact: true }).click();
    const collision = administrator.getByRole('form', { name: 'Indsatser kolliderer' });
    await collision.getByLabel('Mindst overlap (minutter)').fill('45');
    await collision.getByRole('button', { name: /^Gem/ }).click();
    await administrator
      .getByRole('status')
      .getByText(/^Gemt\. /)
      .waitFor();
    expect(await collision.getByLabel('Mindst overlap (minutter)').inputValue()).toBe('45');
    await expectAccessible(administrator, 'coordination rules as administrator');
    await administrator.context().close();
    await leader.setViewportSize({ width: 360, height: 780 });
    await expectNoSidewaysScroll(leader, '360 px');
    await leader.getByRole('button', { name: 'English' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Coordination across the municipality' }).waitFor();
    await expectAccessible(leader, 'coordination overview, 360 px, English');
    await leader.context().close();
  });

  it('is refused to a caseworker', async () => {
    const caseworker = await demo.signedInAs('jobcenter-caseworker');
    expect(await caseworker.getByRole('link', { name: 'Koordinering', exact: true }).count()).toBe(0);
    await caseworker.goto('/koordinering');
    await caseworker
      .getByRole('heading', { level: 1, name: 'Du har ikke adgang til enhedens overblik' })
      .waitFor();
    await caseworker.context().close();
  });
});

describe('the coordination pages on a phone and in English', () => {
  it('fit 360 px and pass axe: inbox, referrals, audit and the break-the-glass review', async () => {
    const leader = await demo.signedInAs('team-leader', { width: 360, height: 780 });
    await leader.getByRole('button', { name: 'English' }).click();
    await expectPagesFitAndAccessible(
      leader,
      [
        ['/indbakke', 'Inbox'],
        ['/henvisninger', 'Referrals'],
        ['/tilsyn', 'Audit'],
        ['/bryd-glasset', 'Broken glass to review'],
      ] as const,
      '360 px, English',
    );
    await leader.context().close();
  });
});

describe('the logins of this file', () => {
  it('went through the login page once per persona, the other times from the kept login', () => {
    // Five personas, twelve sign-ins above: a kept login that did not work would log in again.
    expect(demo.logins.uiLogins).toBe(5);
    expect(demo.logins.reuses).toBe(7);
    const { throughPage, kept } = demo.logins.milliseconds;
    console.info(
      `sign-ins: ${demo.logins.uiLogins} through the login page (${Math.round(throughPage / demo.logins.uiLogins)} ms each), ` +
        `${demo.logins.reuses} kept (${Math.round(kept / demo.logins.reuses)} ms each)`,
    );
  });
});
