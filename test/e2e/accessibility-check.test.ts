import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from './support/browser.js';

/**
 * The check every walk relies on must be able to fail: each engine is shown a page with a fault
 * only it reports, and the clean version of the page passes.
 */
describe('the accessibility check (axe and HTML_CodeSniffer)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const page = async (body: string) => {
    const tab = await (await browser.newContext()).newPage();
    await tab.setContent(
      `<!doctype html><html lang="da"><head><title>Prøve</title></head><body><main><h1>Prøve</h1>${body}</main></body></html>`,
    );
    return tab;
  };

  it('passes a clean page', async () => {
    const tab = await page('<form><label for="n">Navn</label><input id="n"><button>Gem</button></form>');
    await expectAccessible(tab, 'a clean page');
  });

  it('fails, through axe, on an image without a text alternative', async () => {
    const tab = await page('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
    await expect(expectAccessible(tab, 'an image without alt')).rejects.toThrow(/image-alt/);
  });

  it('fails, through HTML_CodeSniffer, on a form that cannot be submitted', async () => {
    const tab = await page('<form aria-label="Søg"><label for="q">Søg</label><input id="q"></form>');
    await expect(expectAccessible(tab, 'a form without a submit button')).rejects.toThrow(
      /^HTML_CodeSniffer on a form without a submit button/,
    );
  });
});
