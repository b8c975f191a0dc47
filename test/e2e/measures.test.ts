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
