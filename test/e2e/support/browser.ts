import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. Browser tests never download a browser; without one they fail
 * (they are not skipped), with a message that says how to install it.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * The accessibility check every walk uses: axe (WCAG 2.1 A and AA, any impact) and then
 * HTML_CodeSniffer (WCAG2AA errors) on the page as it is now; fails naming each finding.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await expectAxeClean(page, label);
  await expectHtmlcsClean(page, label);
}

/** Runs axe on the page (WCAG 2.1 A and AA) and fails on any violation, of any impact, naming them. */
async function expectAxeClean(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe on ${label}`).toEqual([]);
}

/** HTML_CodeSniffer's browser build, read once. */
let htmlcsSource: string | undefined;

/**
 * A second engine: HTML_CodeSniffer (the npm package `html_codesniffer`) run in the same
 * Chromium at WCAG2AA; fails on its errors (type 1), naming the rule and the element. Notices
 * and warnings need a person's judgement and are not failures. The script goes in through the
 * DevTools protocol (`evaluate`), which the app's strict CSP does not apply to.
 */
async function expectHtmlcsClean(page: Page, label: string): Promise<void> {
  htmlcsSource ??= readFileSync(
    createRequire(import.meta.url).resolve('html_codesniffer/build/HTMLCS.js'),
    'utf8',
  );
  const loaded = await page.evaluate(() => 'HTMLCS' in window);
  if (!loaded) await page.evaluate(`${htmlcsSource};window.HTMLCS = HTMLCS;`);
  const errors = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        interface Message {
          type: number;
          code: string;
          msg: string;
          element: Element;
        }
        const htmlcs = (
          window as unknown as {
            HTMLCS: {
              process: (standard: string, content: Document, done: () => void, failed: () => void) => void;
              getMessages: () => Message[];
            };
          }
        ).HTMLCS;
        const describe = (element: Element): string => {
          const id = element.id ? `#${element.id}` : '';
          const classes = element.classList.length > 0 ? `.${[...element.classList].join('.')}` : '';
          const text = (element.textContent ?? '').trim().slice(0, 40);
          return `${element.tagName.toLowerCase()}${id}${classes} "${text}"`;
        };
        htmlcs.process(
          'WCAG2AA',
          document,
          () =>
            resolve(
              htmlcs
                .getMessages()
                .filter((message) => message.type === 1)
                .map((message) => `${message.code}: ${describe(message.element)}: ${message.msg}`),
            ),
          () => reject(new Error('HTML_CodeSniffer could not run')),
        );
      }),
  );
  expect(errors, `HTML_CodeSniffer on ${label}`).toEqual([]);
}

/** Fails if the page scrolls sideways: something is wider than the viewport (say, at 360 px). */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  // Polled for a few seconds: after a viewport change, parts that follow their width (the
  // timeline, charts) lay out again on a resize observer's tick. A page that overflows for good
  // still fails, with its overflow in px.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: label,
      timeout: 5_000,
    })
    .toBeLessThanOrEqual(0);
}

/**
 * Visits each path in turn, waits for its level-1 heading, and checks that it fits the viewport
 * and passes axe; `label` says how it is seen ("360 px, English").
 */
export async function expectPagesFitAndAccessible(
  page: Page,
  pages: readonly (readonly [path: string, heading: string])[],
  label: string,
): Promise<void> {
  for (const [path, heading] of pages) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expectNoSidewaysScroll(page, path);
    await expectAccessible(page, `${path}, ${label}`);
  }
}
