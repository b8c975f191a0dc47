import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.js';
import { type RunningServer, startDemoServer } from './server.js';
import { demoPersonas, loginAs } from './session.js';
import { StoredLogins } from './stored-login.js';

/** What a browser test file works with: the demo server, the browser, and the personas. */
export interface DemoSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A demo persona's display name, by id ("citizen", "jobcenter-caseworker", …). */
  persona(id: string): string;
  /** A fresh browser context logged in as the persona with this id, through the login page. */
  loginAs(personaId: string, viewport?: { width: number; height: number }): Promise<Page>;
  /**
   * A fresh browser context signed in as the persona, on the page its login lands on: through
   * the login page the first time in this file, from the kept login after that
   * (support/stored-login.ts). For every test that is not about logging in.
   */
  signedInAs(personaId: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The kept logins (how many went through the login page). */
  readonly logins: StoredLogins;
  /** From a page that lists the demo citizen (caseload, My day), opens her plan. */
  openCitizenPlan(page: Page): Promise<void>;
}

/**
 * For one test file: starts `samspil serve --demo` and Chromium before its tests, looks up the
 * demo personas, and closes both after. Call it at the top level of the file.
 */
export function setUpDemoSession(options: Parameters<typeof startDemoServer>[0] = {}): DemoSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let personas = new Map<string, string>();
  let logins: StoredLogins | undefined;
  beforeAll(async () => {
    // The run's demo municipality, generated once (demo-template.ts), unless a size is asked for.
    const template = options.citizens === undefined ? inject('demoTemplateDir') : undefined;
    [server, browser] = await Promise.all([
      startDemoServer({ ...options, ...(template ? { template } : {}) }),
      launchBrowser(),
    ]);
    personas = await demoPersonas(server.url);
    logins = new StoredLogins(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the demo ${what} has not started (use it inside a test)`);
    return value;
  };
  const session: DemoSession = {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    persona(id) {
      const name = personas.get(id);
      if (!name) throw new Error(`no demo persona ${id}`);
      return name;
    },
    loginAs(personaId, viewport) {
      return loginAs(session.browser, session.server.url, session.persona(personaId), viewport);
    },
    signedInAs(personaId, viewport) {
      return session.logins.open(session.persona(personaId), viewport);
    },
    get logins() {
      return started(logins, 'browser');
    },
    async openCitizenPlan(page) {
      await page
        .getByRole('link', { name: session.persona('citizen'), exact: true })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    },
  };
  return session;
}
