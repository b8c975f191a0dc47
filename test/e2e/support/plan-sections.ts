import type { Page } from 'playwright-core';

/**
 * Opens a folded part of the plan by its heading's button (the plan's history and activity
 * pyramid start folded; a person may have folded any other). Does nothing when it is open.
 */
export async function unfold(page: Page, headingId: string): Promise<void> {
  const toggle = page.locator(`#${headingId} button[aria-expanded]`);
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}
