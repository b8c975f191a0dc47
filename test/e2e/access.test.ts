import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll, expectPagesFitAndAccessible } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

const demo = setUpDemoSession();

describe("the citizen's access", () => {
  it('a professional reveals the CPR number with a reason; the citizen sees who looked at her data and why', async () => {
    const caseworker = await demo.signedInAs('jobcenter-caseworker');
    await demo.openCitizenPlan(caseworker);
    await caseworker.getByRole('button', { name: 'Vis CPR-nummer' }).click();
    await caseworker.getByRole('button', { name: 'Vis nummeret' }).click();
    await caseworker.getByText('Skriv en begrundelse.', { exact: true }).waitFor();
    await caseworker
      .getByLabel('Hvorfor skal du se det fulde CPR-nummer?')
      .fill('Ansøgning til pensionskassen');
    await caseworker.getByRole('button', { name: 'Vis nummeret' }).click();
    const full = caseworker.locator('.samspil-cpr-full');
    await full.waitFor();
    expect(await full.textContent()).toMatch(/^\d{6}-?\d{4}$/);
    // Shown in the page only: never in the address.
    expect(caseworker.url()).not.toMatch(/\d{6}-?\d{4}/);
    await expectAccessible(caseworker, 'plan with the CPR number shown');
    await caseworker.getByRole('button', { name: 'Skjul CPR-nummer' }).click();
    await caseworker.context().close();

    const citizen = await demo.signedInAs('citizen');
    await citizen.getByRole('link', { name: 'Hvem har set mine oplysninger' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Hvem har set mine oplysninger' }).waitFor();
    const log = citizen.getByRole('table', { name: 'Hvem har set mine oplysninger' });
    await log
      .getByRole('cell', { name: /Jobcenter – Team Ressource/ })
      .first()
      .waitFor();
    await log.getByText('Ansøgning til pensionskassen').first().waitFor();
    // The caseworker's lists showed her, and the plan page's calls are one visit, in words.
    await log.getByText('Så dig på en liste over borgere i Jobcenter – Team Ressource').first().waitFor();
    await log
      .getByText(/^Så din plan, .* og /)
      .first()
      .waitFor();
    // Her right of access covers how long her data is kept (the demo municipality: five years).
    await citizen
      .getByRole('heading', { level: 2, name: 'Hvor længe gemmer vi dine oplysninger?' })
      .waitFor();
    await citizen
      .getByText('Din sag er åben. Når den er slut, gemmer vi dine oplysninger i 5 år. Så sletter vi dem.')
      .waitFor();
    await expectAccessible(citizen, 'access log');
    await citizen.setViewportSize({ width: 360, height: 780 });
    await expectNoSidewaysScroll(citizen, '360 px');
    await citizen.context().close();
  });

  it('the citizen gives a consent and withdraws it, and grants and revokes a power of attorney', async () => {
    const citizen = await demo.signedInAs('citizen');
    await citizen.getByRole('link', { name: 'Se hele planen' }).click();
    // Her plan says that the professionals coordinate, without putting their flags on her.
    await citizen.getByText(/^Dine fagpersoner får besked/).waitFor();
    expect(await citizen.getByRole('article', { name: 'Dobbelt indsats' }).count()).toBe(0);
    await citizen.getByRole('link', { name: 'Samtykker', exact: true }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Samtykker' }).waitFor();
    await citizen.getByRole('button', { name: 'Giv samtykke' }).click();
    const form = citizen.getByRole('form', { name: 'Giv samtykke' });
    // She already shares with the municipality's units; now also with her psychiatric treatment.
    await form
      .getByLabel('Enhed', { exact: true })
      .selectOption({ label: 'Regionspsykiatrien – Psykiatrisk ambulatorium' });
    await form.getByLabel('Dine mål og skridt').check();
    await expectAccessible(citizen, 'consent form');
    await form.getByRole('button', { name: 'Giv samtykke' }).click();
    const consent = citizen.getByRole('article', {
      name: 'Samtykke til Regionspsykiatrien – Psykiatrisk ambulatorium',
    });
    await consent.getByText('Gælder', { exact: true }).first().waitFor();
    await expectAccessible(citizen, 'consents');
    await consent.getByRole('button', { name: /^Træk samtykke tilbage/ }).click();
    await citizen.getByText('Samtykket er trukket tilbage.').waitFor();
    await citizen.getByRole('heading', { level: 2, name: 'Tidligere samtykker' }).waitFor();
    await consent.getByText('Trukket tilbage', { exact: true }).first().waitFor();

    await citizen.getByRole('link', { name: 'Fuldmagt', exact: true }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Fuldmagt' }).waitFor();
    await citizen.getByRole('button', { name: 'Giv fuldmagt' }).click();
    await citizen.getByLabel('Den pårørendes navn').fill('Mor Eksempelsen');
    await citizen.getByLabel('Den pårørendes CPR-nummer').fill('010170-1234');
    await expectAccessible(citizen, 'power of attorney form');
    await citizen.getByRole('button', { name: 'Giv fuldmagt' }).click();
    await citizen.getByRole('heading', { level: 2, name: 'Mor Eksempelsen' }).waitFor();
    // Her sister's power of attorney (the demo relative) stays; this one is revoked.
    await citizen.getByRole('button', { name: 'Tilbagekald fuldmagt: Mor Eksempelsen' }).click();
    const revoked = citizen.getByRole('listitem').filter({ hasText: 'Mor Eksempelsen' });
    await revoked.getByText(/^Tilbagekaldt /).waitFor();
    await citizen.getByRole('button', { name: 'Tilbagekald fuldmagt: Louise Eksempelsen' }).waitFor();
    await expectAccessible(citizen, 'power of attorney');
    await citizen.context().close();
  });
});

describe('break the glass', () => {
  it('a professional without a relationship gets access with a reason, which the leader finds in the audit search and reviews', async () => {
    // A citizen the home-care nurse works with but the jobcentre caseworker does not.
    const nurse = await demo.signedInAs('home-care-nurse');
    const theirs = (await (await nurse.request.get('/api/citizens?pageSize=100')).json()) as {
      items: { id: string; givenName: string; familyName: string }[];
    };
    await nurse.context().close();
    const caseworker = await demo.signedInAs('jobcenter-caseworker');
    const mine = (await (await caseworker.request.get('/api/citizens?pageSize=100')).json()) as {
      items: { id: string }[];
    };
    const mineIds = new Set(mine.items.map((item) => item.id));
    const stranger = theirs.items.find((item) => !mineIds.has(item.id));
    if (!stranger) throw new Error('no citizen outside the caseworker’s caseload');

    await caseworker.goto(`/borgere/${stranger.id}/plan`);
    await caseworker
      .getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne borger' })
      .waitFor();
    await caseworker.getByText('Adgang uden relation bliver logget').waitFor();
    await expectAccessible(caseworker, 'forbidden plan with break the glass');
    await caseworker.getByLabel('En afgørelse, der ikke kan vente, uden for åbningstid').check();
    await caseworker.getByLabel('Beskriv situationen').fill('Borgeren er mødt op akut i jobcentret.');
    await caseworker.getByRole('button', { name: 'Bryd glasset og åbn planen' }).click();
    await caseworker.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    await caseworker.getByText(/^Nødadgang udløber kl\. \d\d:\d\d$/).waitFor();
    await caseworker.context().close();

    const leader = await demo.signedInAs('team-leader');
    await leader.getByRole('link', { name: 'Tilsyn', exact: true }).click();
    await leader.getByRole('heading', { level: 1, name: 'Tilsyn' }).waitFor();
    await leader.getByLabel('Handling').selectOption({ label: 'Brudt glas' });
    await leader.getByRole('button', { name: 'Søg', exact: true }).click();
    await leader.getByRole('table', { name: /besøg/ }).getByRole('row').nth(1).waitFor();
    await expectAccessible(leader, 'audit search');
    // A citizen found by name: the events about Sara.
    await leader.getByLabel('Eller borgerens navn').fill('Sara');
    await leader.getByRole('button', { name: 'Søg på navn' }).click();
    await leader.getByRole('button', { name: new RegExp(`^Vælg ${demo.persona('citizen')}`) }).click();
    await leader.getByText(`Borger: ${demo.persona('citizen')}`).waitFor();
    await leader.getByLabel('Handling').selectOption({ label: 'Alle handlinger' });
    await leader.getByRole('button', { name: 'Søg', exact: true }).click();
    await expect
      .poll(() => leader.getByRole('table', { name: /besøg/ }).getByRole('row').count())
      .toBeGreaterThan(1);
    await leader.getByRole('link', { name: 'Brudt glas til gennemsyn' }).click();
    const row = leader.getByRole('row', { name: /Borgeren er mødt op akut i jobcentret\./ });
    await row.waitFor();
    await expectAccessible(leader, 'break the glass review');
    await row.getByRole('button', { name: /^Gennemgå/ }).click();
    await leader.getByText('Det blev læst og gjort under adgangen').waitFor();
    await leader.getByLabel('Berettiget', { exact: true }).check();
    await leader.getByLabel('Kommentar').fill('Borgeren var mødt op og havde brug for hjælp med det samme.');
    await leader.getByRole('button', { name: 'Gem vurdering' }).click();
    await row.getByText(/Gennemset /).waitFor();
    await leader.context().close();
  });
});

describe("the citizen's pages on a phone and in English", () => {
  it('fit 360 px and pass axe', async () => {
    const citizen = await demo.signedInAs('citizen', { width: 360, height: 780 });
    await citizen.getByRole('button', { name: 'English' }).click();
    await expectPagesFitAndAccessible(
      citizen,
      [
        ['/hvem-har-set', 'Who has seen my data'],
        ['/samtykker', 'Consents'],
        ['/fuldmagt', 'Power of attorney'],
      ] as const,
      '360 px, English',
    );
    await citizen.context().close();
  });
});
