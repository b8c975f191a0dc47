import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoginPage } from './pages/login-page.js';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface Stored {
  state: StorageState;
  /** Where the login landed (the persona's home), opened again on reuse. */
  landing: string;
}

/**
 * Logins kept per persona for one server: the first time a persona is asked for, it logs in
 * through the login page as a person would, and its cookies and storage are kept; every later
 * time a fresh browser context starts with them and opens the page the login landed on, so a
 * test that is not about logging in does not click through the login page again. A kept
 * session that has ended (a logout, a new login that replaced it) is seen on the way in and
 * logged in again through the page.
 */
export class StoredLogins {
  private readonly stored = new Map<string, Stored>();
  /** How many times a persona went through the login page (for the figures in a test's log). */
  uiLogins = 0;
  /** How many times a kept login was used. */
  reuses = 0;
  /** Milliseconds spent signing in each way, to compare them within one run. */
  readonly milliseconds = { throughPage: 0, kept: 0 };

  constructor(
    private readonly browser: Browser,
    private readonly serverUrl: string,
  ) {}

  async open(
    personaName: string,
    viewport: { width: number; height: number } = { width: 1280, height: 900 },
  ): Promise<Page> {
    const kept = this.stored.get(personaName);
    const context = await this.browser.newContext({
      baseURL: this.serverUrl,
      viewport,
      locale: 'da-DK',
      ...(kept ? { storageState: kept.state } : {}),
    });
    const page = await context.newPage();
    const started = performance.now();
    if (kept) {
      await page.goto(kept.landing);
      // The app decides on the way in: the persona's page, or the login page when the session ended.
      await page.waitForURL(
        (url) =>
          url.pathname === new URL(kept.landing, this.serverUrl).pathname ||
          url.pathname.startsWith('/login'),
      );
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      if (!new LoginPage(page).isShown()) {
        this.reuses += 1;
        this.milliseconds.kept += performance.now() - started;
        return page;
      }
    }
    await this.loginThroughPage(page, personaName);
    this.milliseconds.throughPage += performance.now() - started;
    return page;
  }

  private async loginThroughPage(page: Page, personaName: string): Promise<void> {
    const login = new LoginPage(page);
    await login.goto();
    await login.loginAs(personaName);
    this.uiLogins += 1;
    const url = new URL(page.url());
    this.stored.set(personaName, {
      state: await page.context().storageState(),
      landing: `${url.pathname}${url.search}`,
    });
  }
}
