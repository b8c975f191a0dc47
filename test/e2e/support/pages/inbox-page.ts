import type { Locator, Page } from 'playwright-core';
import { followNavLink } from '../navigation.js';

/** A professional's inbox ("Indbakke"), reached by the navigation link that counts the unread. */
export class InboxPage {
  constructor(readonly page: Page) {}

  /** The navigation link, named with its unread count ("Indbakke, 2 ulæste"). */
  unreadLink(): Locator {
    return this.page.getByRole('link', { name: /^Indbakke.*ulæst/ });
  }

  /** Opens the inbox through the link that says there is something unread. */
  async openUnread(): Promise<this> {
    await this.unreadLink().click();
    return this.loaded();
  }

  /** Opens the inbox from the main navigation (through the mobile menu below 992 px). */
  async open(): Promise<this> {
    await followNavLink(this.page, /^Indbakke/);
    return this.loaded();
  }

  async loaded(): Promise<this> {
    await this.page.getByRole('heading', { level: 1, name: 'Indbakke' }).waitFor();
    return this;
  }
}
