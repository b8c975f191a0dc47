import { describe, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { fillDate } from './support/forms.js';

const demo = setUpDemoSession();

/** A day n days from now, as YYYY-MM-DD in the browser's time zone. */
function localDay(daysFromNow: number): string {
  const date = new Date(Date.now() + daysFromNow * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe('meetings on the plan', () => {
  it('a caseworker arranges a network meeting, holds it with a summary; the citizen reads it', async () => {
    const caseworker = await demo.loginAs('jobcenter-caseworker');
    await demo.openCitizenPlan(caseworker);
    const section = caseworker.getByRole('region', { name: 'Møder' });
    await section.getByRole('button', { name: 'Planlæg et møde' }).click();
    const form = caseworker.getByRole('form', { name: 'Nyt møde' });
    // Nothing filled in: the form names what is missing.
    await form.getByRole('button', { name: 'Planlæg mødet' }).click();
    await form.getByText('Skriv, hvad mødet skal handle om.', { exact: true }).waitFor();
    await form.getByText('Skriv et sted, eller sæt flueben ved online.', { exact: true }).waitFor();
    await form.getByText('Skriv klokkeslættet for mødet, fx 13.30.', { exact: true }).waitFor();
    await form.getByLabel('Formål').fill('Sara vil tale om job og bolig');
    await form.getByLabel('Dagsorden').fill('Saras egne ønsker først');
    // Two days ago: a meeting recorded after it took place can be held at once.
    await fillDate(form, 'Dato', localDay(-2));
    await form.getByLabel('Klokkeslæt').fill('10.00');
    await form.getByLabel('Varighed').selectOption({ label: '90 minutter' });
    await form.getByLabel('Sted', { exact: true }).fill('Jobcentret, mødelokale 2');
    await form.getByLabel('Pårørende eller frivillig (navn)').fill('Mor');
    // At a network meeting the citizen decides whom of her network to invite.
    await form.getByLabel('Borgeren har sagt ja til at invitere personen').check();
    await expectAccessible(caseworker, 'new meeting form');
    await form.getByRole('button', { name: 'Planlæg mødet' }).click();
    // The demo plan holds two earlier network meetings: this one is known by its purpose.
    const card = section
      .getByRole('article', { name: /^Netværksmøde, / })
      .filter({ hasText: 'Sara vil tale om job og bolig' });
    await card.getByText('Planlagt', { exact: true }).waitFor();
    await card.getByText('Mor (pårørende eller netværk)').waitFor();
    // Its length stands with its time, in the card's heading.
    await card.getByRole('heading', { name: /\(90 minutter\)$/ }).waitFor();
    await expectAccessible(caseworker, 'plan with a planned meeting');
    await card.getByRole('button', { name: /^Mødet er holdt – skriv referat/ }).click();
    await card.getByLabel('Referat').fill('Sara starter i praktik i januar. Mor hjælper med transport.');
    await card.getByRole('button', { name: 'Gem referat' }).click();
    await caseworker.getByRole('status').getByText('Referatet er gemt, og mødet er afholdt.').waitFor();
    const held = section
      .getByRole('article', { name: /^Netværksmøde, / })
      .filter({ hasText: 'Sara vil tale om job og bolig' });
    await held.getByText('Afholdt', { exact: true }).waitFor();
    await held.getByText('Sara starter i praktik i januar. Mor hjælper med transport.').waitFor();
    await expectAccessible(caseworker, 'plan with a held meeting');
    await caseworker.context().close();

    const citizen = await demo.loginAs('citizen');
    await citizen.getByRole('link', { name: 'Se hele planen' }).click();
    const mine = citizen.getByRole('region', { name: 'Dine møder' });
    await mine.getByText(/Til et netværksmøde bestemmer du, hvem der bliver inviteret/).waitFor();
    const meeting = mine
      .getByRole('article', { name: /^Netværksmøde \(dig, dit netværk og fagfolk\), / })
      .filter({ hasText: 'Sara vil tale om job og bolig' });
    await meeting.getByText('Sara starter i praktik i januar. Mor hjælper med transport.').waitFor();
    // The citizen is invited; she does not arrange or cancel meetings here.
    // (The section's own fold toggle is the one button the region may hold.)
    const meetingButtons = mine.locator('button:not([aria-expanded])');
    if ((await meetingButtons.count()) !== 0) throw new Error('the citizen sees meeting buttons');
    await expectAccessible(citizen, "the citizen's meetings");
    await citizen.context().close();
  }, 150_000);
});
