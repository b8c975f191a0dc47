import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { setUpDemoSession } from './support/demo-session.js';
import { largestPlanPath, openWholePlan } from './support/largest-plan.js';

const demo = setUpDemoSession();

async function textOf(data: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** Words in order, whatever line breaks the PDF put between them. */
const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The citizen's goal in her own words, read through the API the plan page uses. */
async function goalOf(page: Page, citizenId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const plan = (await (await fetch(`/api/citizens/${id}/plan`)).json()) as {
      goal: { ownWords: string } | null;
    };
    return plan.goal?.ownWords ?? '';
  }, citizenId);
}

describe('printing the plan and downloading it as a PDF', () => {
  it('prints without the menu, log-out, timeline controls and buttons, every section open', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', { width: 1280, height: 900 });
    const largest = await largestPlanPath(page);
    await openWholePlan(page, largest.path);
    const history = page.locator('#plan-history-body');
    expect(await history.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Log ud' }).isVisible()).toBe(false);
    expect(await page.locator('footer').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '12 måneder' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Tidligere' }).isVisible()).toBe(false);
    // Folded sections print open; their headings stay.
    expect(await history.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: 'Historik' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('downloads the server-made PDF of the plan in the page language, with the citizen’s goal', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', { width: 1280, height: 900 });
    const largest = await largestPlanPath(page);
    await openWholePlan(page, largest.path);
    const citizenId = largest.path.split('/')[2] as string;
    const goal = await goalOf(page, citizenId);
    expect(goal).not.toBe('');

    const link = page.getByRole('link', { name: 'Hent som PDF' }).first();
    expect(await link.getAttribute('href')).toBe(`/api/citizens/${citizenId}/plan.pdf?lang=da`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^samspil-plan-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = new Uint8Array(await readFile(await download.path()));
    // Read before parsing: the parser takes the buffer over.
    const size = pdf.byteLength;
    const text = words(await textOf(pdf));
    expect(text).toContain(words(goal).slice(0, 40));
    expect(text).toMatch(/Side 1 af \d+/);

    // Size and time of the largest plan's PDF, as the browser gets it (logged, not asserted).
    const timings = await page.evaluate(async (id) => {
      const samples: { ms: number; bytes: number }[] = [];
      for (let index = 0; index < 5; index += 1) {
        const started = performance.now();
        const response = await fetch(`/api/citizens/${id}/plan.pdf?lang=da`);
        const bytes = (await response.arrayBuffer()).byteLength;
        samples.push({ ms: performance.now() - started, bytes });
      }
      return samples;
    }, citizenId);
    const sorted = timings.map((sample) => sample.ms).sort((a, b) => a - b);
    console.log(
      `plan PDF, largest demo plan (${largest.items} items): ${size} bytes, ` +
        `median ${sorted[2]?.toFixed(0)} ms over 5 (min ${sorted[0]?.toFixed(0)}, max ${sorted[4]?.toFixed(0)})`,
    );

    // In English, the English PDF.
    await page.getByText('English', { exact: true }).first().click();
    const english = page.getByRole('link', { name: 'Download as PDF' }).first();
    await english.waitFor();
    expect(await english.getAttribute('href')).toBe(`/api/citizens/${citizenId}/plan.pdf?lang=en`);
    await page.context().close();
  });

  it('downloads the PDF from a 360 px phone too, with the citizen’s goal', async () => {
    const page = await demo.loginAs('jobcenter-caseworker', { width: 360, height: 780 });
    await page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    await demo.openCitizenPlan(page);
    const citizenId = new URL(page.url()).pathname.split('/')[2] as string;
    const goal = await goalOf(page, citizenId);
    expect(goal).not.toBe('');
    const link = page.getByRole('link', { name: 'Hent som PDF' }).first();
    await link.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = words(await textOf(new Uint8Array(await readFile(await download.path()))));
    expect(text).toContain(words(goal).slice(0, 40));
    await page.context().close();
  });

  it('offers the export as a PDF where the export is offered', async () => {
    const citizen = await demo.loginAs('citizen');
    await citizen.getByRole('link', { name: 'Hvem har set mine oplysninger' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Hvem har set mine oplysninger' }).waitFor();
    const link = citizen.getByRole('link', { name: 'Hent som PDF' });
    const [download] = await Promise.all([citizen.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^samspil-kopi-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = words(await textOf(new Uint8Array(await readFile(await download.path()))));
    expect(text).toMatch(/Side 1 af \d+/);
    await citizen.context().close();
  });
});
