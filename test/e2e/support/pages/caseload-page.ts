import type { Page } from 'playwright-core';
import { followNavLink } from '../navigation.js';
import { PlanPage } from './plan-page.js';

/**
 * A professional's lists of citizens: "Mit overblik" (My day) and "Mine borgere" (the caseload).
 * Both link each citizen by name to her plan.
 */
export class CaseloadPage {
  constructor(readonly page: Page) {}

  /** Opens "Mit overblik" from the main navigation (through the mobile menu below 992 px). */
  async openMyDay(): Promise<this> {
    await followNavLink(this.page, 'Mit overblik');
    await this.page.getByRole('heading', { level: 1, name: 'Mit overblik' }).waitFor();
    return this;
  }

  /** Opens "Mine borgere" from the main navigation. */
  async openCaseload(): Promise<this> {
    await followNavLink(this.page, 'Mine borgere');
    await this.page.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor();
    return this;
  }

  /** The link to a citizen's plan, by her name. */
  citizenLink(name: string) {
    return this.page.getByRole('link', { name, exact: true }).first();
  }

  /** Opens the citizen's plan from the list shown. */
  async openCitizen(name: string): Promise<PlanPage> {
    await this.citizenLink(name).click();
    return new PlanPage(this.page).loaded();
  }
}
