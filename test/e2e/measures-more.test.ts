import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

/**
 * Issue 13 on the web: a team leader creates surveys and reads both rounds side by side; a
 * professional rates function levels on the plan and reads the citizen's answers after meetings;
 * every results table downloads as CSV.
 */
const demo = setUpDemoSession();
const SCREENSHOTS = process.env.SAMSPIL_SCREENSHOT_DIR ?? '/tmp';
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 360, height: 780 },
];

async function expectFocusInSummary(form: Locator): Promise<void> {
  const summary = form.locator('.alert.alert-error.samspil-error-summary');
  await summary.waitFor();
  await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
}

/** A Danish figure as shown ("4,06", "+0,36", "−0,12") as a number. */
function danish(text: string): number {
  return Number(text.trim().replace('−', '-').replace('+', '').replace(',', '.'));
}

/** Presses the CSV button and reads the file it downloads (without its BOM), line by line. */
async function downloadCsv(page: Page, button: Locator): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  return csv.trim().split('\r\n');
}

describe('a team leader creates surveys and reads both rounds side by side', () => {
  for (const viewport of VIEWPORTS) {
    it(`creates a collaboration and a quality survey at ${viewport.width} px`, async () => {
      const page = await demo.loginAs('team-leader', viewport);
      await page.goto(`${demo.server.url}/samarbejde`);
      await page.getByRole('heading', { level: 1, name: 'Samarbejde og kvalitet' }).waitFor();

      await page.getByRole('button', { name: 'Ny samarbejdsmåling' }).click();
      const form = page.getByRole('form', { name: 'Ny samarbejdsmåling' });
      await form.getByRole('button', { name: 'Opret samarbejdsmålingen' }).click();
      await expectFocusInSummary(form);
      // In the summary and at the field.
      // At the field (the summary says it after the field's name).
      await form.getByText('Skriv en titel på målingen.', { exact: true }).waitFor();
      await form.getByText('Titel: Skriv en titel på målingen.', { exact: true }).waitFor();
      await expect
        .poll(() => form.getByText('Skriv faggruppens navn, eller fjern feltet.', { exact: true }).count())
        .toBe(2);
      const title = `Samarbejde om unge (${viewport.width})`;
      await form.getByRole('textbox', { name: 'Titel' }).fill(title);
      await form.getByRole('textbox', { name: 'Faggruppe 1' }).fill('Jobkonsulenter');
      await form.getByRole('textbox', { name: 'Faggruppe 2' }).fill('jobkonsulenter ');
      await form.getByRole('button', { name: 'Tilføj en faggruppe' }).click();
      await form.getByRole('textbox', { name: 'Faggruppe 3' }).fill('UU-vejledere');
      await form.getByRole('button', { name: 'Opret samarbejdsmålingen' }).click();
      await expectFocusInSummary(form);
      await form.getByText('Faggruppe 2: Faggruppen står der allerede.', { exact: true }).waitFor();
      await expectNoSidewaysScroll(page, `new collaboration survey at ${viewport.width} px`);
      await expectAccessible(page, `new collaboration survey with errors at ${viewport.width} px`);
      await page.screenshot({
        path: `${SCREENSHOTS}/samspil-new-survey-${viewport.width}.png`,
        fullPage: true,
      });
      await form.getByRole('textbox', { name: 'Faggruppe 2' }).fill('Mentorer');
      await form.getByRole('button', { name: 'Opret samarbejdsmålingen' }).click();
      await page.getByRole('status').getByText(`Samarbejdsmålingen ${title} er oprettet.`).waitFor();
      const created = page.getByRole('region', { name: title });
      await created.getByText('Der er endnu ingen besvarelser.').waitFor();
      // Focus is back on the button that opened the form.
      await expect
        .poll(() =>
          page
            .getByRole('button', { name: 'Ny samarbejdsmåling' })
            .evaluate((element) => element === document.activeElement),
        )
        .toBe(true);

      await page.getByRole('button', { name: 'Ny kvalitetsmåling' }).click();
      const quality = page.getByRole('form', { name: 'Ny kvalitetsmåling' });
      const qualityTitle = `Kvalitet i overgange (${viewport.width})`;
      await quality.getByRole('textbox', { name: 'Titel' }).fill(qualityTitle);
      await quality.getByRole('textbox', { name: 'Udsagn 1', exact: true }).fill('Borgeren kender sin plan');
      await quality.getByRole('button', { name: 'Tilføj et udsagn' }).click();
      const code = quality.getByRole('textbox', { name: 'Kode for udsagn 2' });
      expect(await code.inputValue()).toBe('q2');
      await code.fill('Q 2');
      await quality
        .getByRole('textbox', { name: 'Udsagn 2', exact: true })
        .fill('Overgange er aftalt på forhånd');
      await quality.getByRole('button', { name: 'Opret kvalitetsmålingen' }).click();
      await expectFocusInSummary(quality);
      await quality
        .getByText('Kode for udsagn 2: Koden må kun have små bogstaver, tal, - og _ og højst 20 tegn.', {
          exact: true,
        })
        .waitFor();
      await expectAccessible(page, `new quality survey with errors at ${viewport.width} px`);
      await code.fill('overgange');
      await quality.getByRole('button', { name: 'Opret kvalitetsmålingen' }).click();
      await page.getByRole('status').getByText(`Kvalitetsmålingen ${qualityTitle} er oprettet.`).waitFor();
      const statements = page.getByRole('region', { name: qualityTitle }).getByRole('table');
      await expect.poll(() => statements.locator('tbody tr').count()).toBe(2);
      expect(await statements.locator('tbody tr').nth(1).textContent()).toContain(
        'Overgange er aftalt på forhånd',
      );
      await page.context().close();
    }, 180_000);
  }

  it('shows each figure at baseline and follow-up with its change, per tie, and exports it so', async () => {
    const page = await demo.loginAs('team-leader');
    await page.goto(`${demo.server.url}/samarbejde`);
    const ties = page.getByRole('table', {
      name: 'Relationer mellem faggrupperne i Samarbejde i Team Ressource',
    });
    await expect.poll(() => ties.locator('tbody tr').count()).toBe(16);
    const header = [
      'Fra',
      'Om',
      ...['Indeks', 'Kommunikation', 'Relationer'].flatMap((measure) => [
        `${measure} (Før)`,
        `${measure} (Opfølgning)`,
        `${measure} (ændring)`,
      ]),
      'Styrke',
    ];
    expect(await ties.locator('thead th').allTextContents()).toEqual(header);
    // Every figure with both rounds: the change is follow-up − baseline, as shown (two decimals).
    let compared = 0;
    for (const row of await ties.locator('tbody tr').all()) {
      const cells = await row.locator('td').allTextContents();
      for (const at of [1, 4, 7]) {
        const [before = '', after = '', change = ''] = cells.slice(at, at + 3);
        if (before === '–' || after === '–') {
          expect(change).toBe('–');
          continue;
        }
        expect(Math.abs(danish(change) - (danish(after) - danish(before)))).toBeLessThanOrEqual(0.011);
        compared++;
      }
    }
    // 12 ties from the three groups large enough to report on, three figures each.
    expect(compared).toBe(36);
    const lines = await downloadCsv(
      page,
      page
        .getByRole('region', { name: 'Samarbejde i Team Ressource' })
        .getByRole('button', { name: 'Hent tabellen som CSV' }),
    );
    expect(lines[0]).toBe(header.join(','));
    expect(lines).toHaveLength(17);
    await page.context().close();
  }, 120_000);
});

describe("function levels and the citizen's answers after meetings on the plan", () => {
  for (const viewport of VIEWPORTS) {
    it(`shows the profile and the meeting answers, and records function levels at ${viewport.width} px`, async () => {
      const page = await demo.loginAs('jobcenter-caseworker', viewport);
      await demo.openCitizenPlan(page);
      const section = page.getByRole('region', { name: 'Målinger' });
      const levels = section.getByRole('figure', { name: 'Funktionsniveau (VUM 2.0-temaer)' });
      await levels
        .getByRole('img', { name: 'Funktionsniveau pr. tema ved hver vurdering' })
        .locator('svg')
        .waitFor();
      // The table behind the chart is folded under it.
      await levels.getByText('Vis tallene som tabel', { exact: true }).click();
      const profile = levels.getByRole('table', { name: 'Funktionsniveau pr. tema ved hver vurdering' });
      await expect.poll(() => profile.locator('tbody tr').count()).toBe(7);
      const recordings = await profile.locator('thead th').count();
      // The demo caseworker's two ratings, at least (one per width is added below).
      expect(recordings).toBeGreaterThanOrEqual(3);
      expect(await profile.locator('tbody tr', { hasText: 'Mobilitet' }).textContent()).toContain(
        'Ikke relevant',
      );

      const feedback = section.getByRole('figure', { name: 'Borgerens svar efter møderne' });
      await feedback
        .getByRole('img', { name: /^Gennemsnit af borgerens svar/ })
        .locator('svg')
        .waitFor();
      await feedback.getByText('Vis tallene som tabel', { exact: true }).click();
      const answers = feedback.getByRole('table', { name: 'Borgerens svar efter hvert møde' });
      await expect.poll(() => answers.locator('tbody tr').count()).toBe(2);
      expect(await answers.locator('thead th').allTextContents()).toEqual([
        'Møde',
        'Hørt',
        'Det, der betyder noget',
        'Måden',
        'Alt i alt',
        'Gennemsnit',
        'Svaret af',
      ]);
      const first = answers.locator('tbody tr').first();
      await expect.poll(() => first.locator('th').textContent()).toMatch(/^Netværksmøde om praktik, /);
      // 3, 3, 2, 3: the mean is 2.75.
      expect(await first.locator('td').allTextContents()).toEqual(['3', '3', '2', '3', '2,75', 'borger']);
      await expectNoSidewaysScroll(page, `plan measures at ${viewport.width} px`);
      await expectAccessible(page, `plan measures at ${viewport.width} px`);
      await section.screenshot({ path: `${SCREENSHOTS}/samspil-plan-measures-${viewport.width}.png` });

      await section.getByRole('button', { name: 'Vurdér funktionsniveau' }).click();
      const form = page.getByRole('form', { name: 'Funktionsniveau' });
      await form.getByRole('button', { name: 'Gem vurderingen' }).click();
      await expectFocusInSummary(form);
      await expect.poll(() => form.getByText('Vælg et niveau.', { exact: true }).count()).toBe(7);
      const live = form.getByText(/temaer vurderet|^Vurderet:/);
      await expect.poll(() => live.textContent()).toBe('0 af 7 temaer vurderet');
      const chosen = ['1', '1', '0', '9', '2', '1', '2'];
      const groups = await form.getByRole('group').all();
      for (const [index, code] of chosen.entries()) {
        await groups[index]?.getByText(new RegExp(`^${code} `)).click();
      }
      // The evaluator counts six themes (9 is not relevant); the first of the highest is named.
      await expect
        .poll(() => live.textContent())
        .toBe(
          'Vurderet: 6 temaer. Ikke relevant: 1. Højeste niveau: 2 (Samfundsliv (uddannelse, job, økonomi))',
        );
      await expectAccessible(page, `function-level form at ${viewport.width} px`);
      await form.getByRole('button', { name: 'Gem vurderingen' }).click();
      await page.getByRole('status').getByText('Funktionsniveauet er gemt.').waitFor();
      await expect.poll(() => profile.locator('thead th').count()).toBe(recordings + 1);
      const latest = await profile
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.lastElementChild?.textContent ?? ''));
      expect(latest).toEqual(['1', '1', '0', 'Ikke relevant', '2', '1', '2']);
      await page.context().close();
    }, 180_000);
  }

  it('downloads the function-level, WHO-5 and meeting-answer tables as CSV', async () => {
    const page = await demo.loginAs('jobcenter-caseworker');
    await demo.openCitizenPlan(page);
    const section = page.getByRole('region', { name: 'Målinger' });
    const button = (figure: string) =>
      section.getByRole('figure', { name: figure }).getByRole('button', { name: 'Hent tabellen som CSV' });
    const levels = await downloadCsv(page, button('Funktionsniveau (VUM 2.0-temaer)'));
    expect(levels[0]).toMatch(/^Tema,\d{1,2}\. \S+ \d{4} \(fagperson\),/);
    expect(levels).toHaveLength(8);
    expect(levels.find((line) => line.startsWith('Mobilitet,'))).toMatch(
      /^Mobilitet,Ikke relevant,Ikke relevant/,
    );
    const who5 = await downloadCsv(page, button('Trivsel (WHO-5)'));
    expect(who5[0]).toBe('Dato,Score,Vurdering');
    expect(who5.length).toBeGreaterThanOrEqual(4);
    const feedback = await downloadCsv(page, button('Borgerens svar efter møderne'));
    expect(feedback[0]).toBe('Møde,Hørt,"Det, der betyder noget",Måden,Alt i alt,Gennemsnit,Svaret af');
    expect(feedback[1]).toMatch(/^"Netværksmøde om praktik, .+",3,3,2,3,2.75,borger$/);
    await page.context().close();
  }, 120_000);
});

describe('questionnaires answered on paper, imported on the plan', () => {
  it('names the wrong lines and stores nothing, then imports a good file into the WHO-5 table', async () => {
    const page = await demo.loginAs('jobcenter-caseworker');
    await demo.openCitizenPlan(page);
    const section = page.getByRole('region', { name: 'Målinger' });
    const who5 = section.getByRole('table', { name: 'WHO-5 trivselsscore (0–100) over tid' });
    await expect.poll(() => who5.locator('tbody tr').count()).toBeGreaterThan(0);
    const before = await who5.locator('tbody tr').count();

    await section.getByRole('button', { name: 'Indlæs papirskemaer' }).click();
    const form = section.getByRole('form', { name: 'Indlæs skemaer udfyldt på papir (CSV)' });
    await form.getByRole('button', { name: 'Indlæs' }).click();
    await expectFocusInSummary(form);
    const items = ['cheerful', 'calm', 'active', 'rested', 'interest'];
    const csv = (answers: string[]) =>
      [
        'instrument,answered_at,answered_by,item,answer',
        ...items.map((item, index) => `who-5,2026-11-30T09:00:00Z,citizen,${item},${answers[index]}`),
      ].join('\n');
    const file = (text: string) => ({ name: 'who5.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    // Line 4 (the third item) has an answer WHO-5 does not have: the file is refused, nothing stored.
    await form.getByLabel('CSV-fil').setInputFiles(file(csv(['3', '3', '9', '3', '3'])));
    await form.getByRole('button', { name: 'Indlæs' }).click();
    await form.getByText(/^Linje 4, answer: /).waitFor();
    await expectAccessible(page, 'a refused paper import');
    await form.screenshot({ path: `${SCREENSHOTS}/samspil-paper-import-refused.png` });
    expect(await who5.locator('tbody tr').count()).toBe(before);

    // 3 + 3 + 4 + 3 + 3 = 16, × 4 = 64.
    await form.getByLabel('CSV-fil').setInputFiles(file(csv(['3', '3', '4', '3', '3'])));
    await form.getByRole('button', { name: 'Indlæs' }).click();
    await page.getByText('1 svar er indlæst.').waitFor();
    await expect.poll(() => who5.locator('tbody tr').count()).toBe(before + 1);
    expect(await who5.locator('tbody tr', { hasText: '30. nov. 2026' }).textContent()).toContain('64');
    await page.context().close();
  }, 120_000);
});
