import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { followNavLink } from './support/navigation.js';

const demo = setUpDemoSession();
const SCREENSHOTS = process.env.SAMSPIL_SCREENSHOT_DIR ?? '/tmp';

describe("the team leader's collaboration and quality results", () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 360, height: 780 },
  ]) {
    it(`shows the demo unit's network diagrams, ties and quality table at ${viewport.width} px`, async () => {
      const page = await demo.loginAs('team-leader', viewport);
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') violations.push(message.text());
      });
      await page.getByRole('heading', { level: 1, name: 'Min enhed' }).waitFor();
      await followNavLink(page, 'Samarbejde');
      await page.getByRole('heading', { level: 1, name: 'Samarbejde og kvalitet' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Samarbejde i Team Ressource' }).waitFor();

      // Baseline and follow-up side by side, each a network drawn by ECharts (lazily loaded).
      const diagrams = page.getByRole('img', { name: /^Netværksdiagram for Samarbejde i Team Ressource/ });
      await expect.poll(() => diagrams.count()).toBe(2);
      for (const diagram of await diagrams.all()) {
        await diagram.locator('svg').waitFor();
        // Four groups, each labelled.
        await expect
          .poll(() => diagram.locator('svg text', { hasText: 'Socialrådgivere' }).count())
          .toBeGreaterThan(0);
      }
      await page.getByRole('heading', { level: 3, name: 'Før' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Opfølgning' }).waitFor();

      // The table alternative: every tie (4 groups × 4), the suppressed group without figures.
      const ties = page.getByRole('table', {
        name: 'Relationer mellem faggrupperne i Samarbejde i Team Ressource',
      });
      await expect.poll(() => ties.locator('tbody tr').count()).toBe(16);
      const mentors = ties.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Mentorer' }) });
      expect(await mentors.count()).toBe(4);
      for (const row of await mentors.all()) expect(await row.textContent()).toContain('Under 5 svar');

      const quality = page.getByRole('table', {
        name: 'Kvalitetsindikatorer i Kvalitet i ressourceforløbene',
      });
      await expect.poll(() => quality.locator('tbody tr').count()).toBe(4);
      expect(await quality.locator('tfoot').textContent()).toMatch(/Alle udsagn.*\d,\d\d.*\d,\d\d.*%/);

      await expectNoSidewaysScroll(page, `surveys at ${viewport.width} px`);
      await expectAccessible(page, `surveys at ${viewport.width} px`);
      // ECharts' drawing passes the strict CSP (no inline style attributes refused).
      expect(violations.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/samspil-surveys-${viewport.width}.png`, fullPage: true });
      await page
        .locator('.samspil-network-rounds')
        .screenshot({ path: `${SCREENSHOTS}/samspil-network-${viewport.width}.png` });
      await page.context().close();
    });
  }

  it('exports the ties table as CSV', async () => {
    const page = await demo.loginAs('team-leader');
    await page.goto(`${demo.server.url}/samarbejde`);
    await page.getByRole('heading', { level: 2, name: 'Samarbejde i Team Ressource' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('region', { name: 'Samarbejde i Team Ressource' })
        .getByRole('button', { name: 'Hent tabellen som CSV' })
        .click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const csv = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    // Each figure at baseline and follow-up, then its change (measures-more.test.ts checks the figures).
    expect(lines[0]).toBe(
      'Fra,Om,Indeks (Før),Indeks (Opfølgning),Indeks (ændring),Kommunikation (Før),Kommunikation (Opfølgning),' +
        'Kommunikation (ændring),Relationer (Før),Relationer (Opfølgning),Relationer (ændring),Styrke',
    );
    expect(lines).toHaveLength(17);

    // Importing a quality round: a wrong line is named and nothing is stored; a good file replaces the round.
    const quality = page.getByRole('region', { name: 'Kvalitet i ressourceforløbene' });
    const form = quality.getByRole('form', { name: 'Indlæs besvarelser (CSV)' });
    const file = (text: string) => ({ name: 'svar.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await form
      .getByLabel('CSV-fil')
      .setInputFiles(file('respondent,item,score\np1,handleplan,4\np2,handleplan,7\n'));
    await form.getByRole('button', { name: 'Indlæs' }).click();
    await form.getByText('Linje 3, score: must be a whole number from 1 to 5').waitFor();
    await expectAccessible(page, 'a refused import');
    const table = quality.getByRole('table');
    expect(await table.locator('tbody tr').first().textContent()).toContain('3,00');
    await form
      .getByLabel('CSV-fil')
      .setInputFiles(file('respondent,item,score\np1,handleplan,5\np2,handleplan,4\n'));
    await form.getByRole('button', { name: 'Indlæs' }).click();
    // A successful import is confirmed in the page's success alert.
    await page.getByText('2 linjer er indlæst.').waitFor();
    // Baseline of the first statement is now (5 + 4) / 2 = 4.50; the others have no baseline.
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('4,50');
    await page.context().close();
  });
});

describe("a citizen's measures on the plan", () => {
  it('shows GAS and WHO-5 over time with tables, and scores WHO-5 live while it is filled in', async () => {
    const page = await demo.loginAs('jobcenter-caseworker');
    await demo.openCitizenPlan(page);
    const section = page.getByRole('region', { name: 'Målinger' });
    await section.getByRole('heading', { level: 2, name: 'Målinger' }).waitFor();
    await section.getByRole('img', { name: 'WHO-5 trivselsscore (0–100) over tid' }).locator('svg').waitFor();
    const who5 = section.getByRole('table', { name: 'WHO-5 trivselsscore (0–100) over tid' });
    await expect.poll(() => who5.locator('tbody tr').count()).toBe(3);

    await section.getByRole('button', { name: 'Udfyld WHO-5' }).click();
    const form = page.getByRole('form', { name: 'WHO-5 Trivselsindeks' });
    await form.waitFor();
    const live = form.getByText(/spørgsmål besvaret|Score \d+ af 100/);
    await expect.poll(() => live.textContent()).toBe('0 af 5 spørgsmål besvaret');
    const answers = [
      'Det meste af tiden',
      'Lidt mere end halvdelen af tiden',
      'Det meste af tiden',
      'Lidt af tiden',
      'Hele tiden',
    ];
    const groups = await form.getByRole('group').all();
    for (const [index, answer] of answers.entries()) {
      await groups[index]?.getByLabel(answer, { exact: true }).check();
    }
    // 4 + 3 + 4 + 1 + 5 = 17 → 68: the same evaluator as the server's.
    await expect.poll(() => live.textContent()).toBe('Score 68 af 100 (råscore 17): God trivsel');
    await expectAccessible(page, 'plan with the WHO-5 form');
    await form.getByRole('button', { name: 'Gem WHO-5' }).click();
    await expect.poll(() => who5.locator('tbody tr').count()).toBe(4);
    expect(await who5.locator('tbody tr').last().textContent()).toContain('68');
    await page.context().close();
  });
});

describe("a sub-goal's GAS weight and who scored", () => {
  it('weighs a sub-goal in its form and shows each level with weight, scorer and recorder', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', { width: 1280, height: 900 });
    await demo.openCitizenPlan(page);
    const title = 'Tage bussen alene til praktikken';
    await page.getByRole('button', { name: `Redigér: ${title}` }).click();
    const form = page.getByRole('form', { name: `Redigér delmålet »${title}«` });
    const weight = form.getByLabel('Vægt i GAS');
    expect(await weight.inputValue()).toBe('1');
    // A weight that is not a whole number from 1 to 100 is named at the field before anything is sent.
    await weight.fill('0');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Skriv et helt tal fra 1 til 100.', { exact: true }).first().waitFor();
    await expectAccessible(page, 'sub-goal form with a wrong weight');
    await weight.fill('2');
    await form.getByLabel('Målopfyldelse (GAS)').selectOption('1');
    await form.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => form.count()).toBe(0);

    const section = page.getByRole('region', { name: 'Målinger' });
    // The levels behind the T-score are folded under it.
    await section.getByText(/^Niveauerne og hvem der scorede dem, for \d+ delmål$/).click();
    const levels = section.getByRole('table', { name: `${title} (vægt 2)` });
    await levels.waitFor();
    const last = levels.locator('tbody tr').last();
    await expect.poll(() => last.textContent()).toContain('+1');
    const cells = await last.locator('td').allTextContents();
    // Level, the weight it was recorded under, who scored it and who recorded it (name, profession).
    expect(cells.slice(0, 2)).toEqual(['+1', '2']);
    expect(cells[2]).toMatch(/^FagpersonRegistreret af \S.*, \S/);
    // The T-score after each follow-up, with its change from the baseline (the first is 0).
    const points = section.getByRole('table', { name: 'GAS T-score ved hver opfølgning' });
    expect(await points.locator('thead').textContent()).toContain('Ændring');
    expect(await points.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('0,00');
    await expect.poll(() => section.getByText(/^Udgangspunkt .*, nu .*\. Ændring [+−-]?\d/).count()).toBe(1);

    // A follow-up scored by someone else than the professional, recorded from the GAS part.
    await section.getByRole('button', { name: 'Registrér GAS-opfølgning' }).click();
    const followUp = page.getByRole('form', { name: 'Registrér en GAS-opfølgning' });
    await followUp.getByLabel('Delmål').selectOption({ label: title });
    await followUp.getByRole('button', { name: 'Gem opfølgningen' }).click();
    await followUp.getByText('Feltet skal udfyldes.', { exact: true }).first().waitFor();
    await followUp.getByLabel('Niveau nu').selectOption('2');
    await followUp.getByLabel('Scoret af').selectOption({ label: 'Uafhængig bedømmer' });
    await expectAccessible(page, 'the GAS follow-up form');
    await followUp.getByRole('button', { name: 'Gem opfølgningen' }).click();
    await expect.poll(() => followUp.count()).toBe(0);
    await expect.poll(() => last.locator('td').first().textContent()).toBe('+2');
    expect((await last.locator('td').allTextContents()).slice(0, 2)).toEqual(['+2', '2']);
    expect(await last.locator('td').nth(2).textContent()).toMatch(/^Uafhængig bedømmerRegistreret af /);
    await expectAccessible(page, 'plan with GAS weights at 1280 px');
    await section.screenshot({ path: `${SCREENSHOTS}/samspil-gas-plan-1280.png` });

    await page.setViewportSize({ width: 360, height: 780 });
    await levels.waitFor();
    await expectNoSidewaysScroll(page, 'plan with GAS weights at 360 px');
    await expectAccessible(page, 'plan with GAS weights at 360 px');
    await section.screenshot({ path: `${SCREENSHOTS}/samspil-gas-plan-360.png` });
    await page.context().close();
  });
});

describe('the GAS distribution for management', () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 360, height: 780 },
  ]) {
    it(`shows bands per unit as bars and a table, never per professional, at ${viewport.width} px`, async () => {
      const page = await demo.loginAs('team-leader', viewport);
      await page.getByRole('heading', { level: 1, name: 'Min enhed' }).waitFor();
      await followNavLink(page, 'Ledelsestal');
      const section = page.getByRole('region', { name: 'Målopfyldelse (GAS) fordelt på enheder' });
      await section.waitFor();
      const year = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Copenhagen',
        year: 'numeric',
      }).format(new Date());
      const charts = section.getByRole('img', { name: /^Søjlediagram: borgere i alle enheder/ });
      await expect.poll(() => charts.count()).toBe(2);
      // Drawn as SVG, each band labelled on its axis.
      for (const chart of await charts.all()) {
        await chart.locator('svg').waitFor();
        await expect.poll(() => chart.locator('svg text').count()).toBeGreaterThan(4);
      }
      await expect.poll(() => charts.first().locator('svg text', { hasText: '< 40' }).count()).toBe(1);
      const scores = section.getByRole('table', { name: `Seneste T-score ${year}` });
      await scores.waitFor();
      expect(await scores.locator('thead th').allTextContents()).toEqual([
        'Enhed',
        'Under 40',
        '40 til under 50',
        '50 til under 60',
        '60 og derover',
        'I alt',
      ]);
      const rows = await scores.locator('tbody tr').count();
      expect(rows).toBeGreaterThan(0);
      // Every shown count is 0 or at least 5; the rest say they are hidden.
      for (const text of await scores.locator('tbody td, tfoot td').allTextContents()) {
        if (/^\d+$/.test(text)) expect(Number(text) === 0 || Number(text) >= 5, text).toBe(true);
        else expect(text).toMatch(/^– \(skjult/);
      }
      await section.getByRole('table', { name: `Ændring fra udgangspunkt ${year}` }).waitFor();

      await expectNoSidewaysScroll(page, `GAS distribution at ${viewport.width} px`);
      await expectAccessible(page, `GAS distribution at ${viewport.width} px`);
      await section.screenshot({ path: `${SCREENSHOTS}/samspil-gas-distribution-${viewport.width}.png` });

      if (viewport.width === 1280) {
        // The server's export of the first table (decision 0022); its link says which table.
        const link = section.getByRole('link', {
          name: new RegExp(`^Hent som CSV ?: Seneste T-score ${year}`),
        });
        await link.waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const { readFile } = await import('node:fs/promises');
        const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
        const lines = csv.trim().split(/\r?\n/);
        // Stable machine column names (decision 0022); the XLSX explains them.
        expect(lines[0]?.split(';')).toEqual([
          'unit',
          'below40',
          'from40to50',
          'from50to60',
          'from60',
          'total',
        ]);
        expect(lines).toHaveLength(rows + 2);
        expect(lines.at(-1)).toMatch(/^all_units;/);
      }
      await page.context().close();
    });
  }
});
