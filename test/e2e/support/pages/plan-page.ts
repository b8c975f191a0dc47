import type { Locator, Page } from 'playwright-core';

/** A citizen's plan, as a professional sees it ("Plan for …") or the citizen ("Min plan"). */
export class PlanPage {
  constructor(readonly page: Page) {}

  /** The page's heading: "Plan for <name>" for a professional. */
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^(Plan for |Min plan|Planen for )/ });
  }

  /** Waits until the plan is shown. */
  async loaded(): Promise<this> {
    await this.heading().waitFor();
    return this;
  }

  /** One of the plan's sections (a region named by its heading: "Koordinering", "Delmål", …). */
  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** A card (an article) in a section, by its accessible name. */
  card(section: string, name: string | RegExp): Locator {
    return this.section(section).getByRole('article', { name });
  }
}
