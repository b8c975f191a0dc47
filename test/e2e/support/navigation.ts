import type { Locator, Page } from 'playwright-core';

/**
 * The main navigation's link, shown as a person would at any width: below 992 px the navigation
 * sits in the DKFDS mobile menu, so the "Menu" button opens it first (again, if a new render
 * closed it). Resolves once the link is visible.
 */
export async function showNavLink(page: Page, name: string | RegExp): Promise<Locator> {
  const link = page.getByRole('link', { name, exact: typeof name === 'string' });
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await link.isVisible()) break;
    if (await menu.isVisible()) await menu.click();
    await link.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  return link;
}

/** Follows a link in the main navigation, opening the mobile menu first where there is one. */
export async function followNavLink(page: Page, name: string | RegExp): Promise<void> {
  await (await showNavLink(page, name)).click({ timeout: 10_000 });
}
