import type { Locator, Page } from 'playwright-core';

/** The citizen's own pages: her home after login (/mit-forloeb) and what it links to. */
export class MyPathwayPage {
  constructor(readonly page: Page) {}

  /** The page's level-1 heading. */
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async loaded(): Promise<this> {
    await this.heading().first().waitFor();
    return this;
  }

  /** A link on her pages, by its accessible name ("Hvem har set mine oplysninger", …). */
  link(name: string | RegExp): Locator {
    return this.page.getByRole('link', { name, exact: typeof name === 'string' });
  }
}
