import type { Page } from 'playwright-core';

/** The demo login page: one button per persona ("Log ind som …"). */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<this> {
    await this.page.goto('/login');
    return this;
  }

  /** The persona's login button, by its accessible name. */
  personaButton(personaName: string) {
    return this.page.getByRole('button', { name: `Log ind som ${personaName}`, exact: true });
  }

  /** Logs in as the persona and waits until the app has left the login pages. */
  async loginAs(personaName: string): Promise<void> {
    await this.personaButton(personaName).click();
    await this.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** Whether the page is (back) on the login page: no session. */
  isShown(): boolean {
    return new URL(this.page.url()).pathname.startsWith('/login');
  }
}
