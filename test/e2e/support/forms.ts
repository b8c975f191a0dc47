import type { Locator, Page } from 'playwright-core';

/**
 * Types a YYYY-MM-DD day into a DKFDS date field (the fieldset named `label` with Dag, Måned
 * and År), as a person would: "5", "3", "2026".
 */
export async function fillDate(scope: Page | Locator, label: string, isoDay: string): Promise<void> {
  const [year = '', month = '', day = ''] = isoDay.split('-');
  const group = scope.getByRole('group', { name: label, exact: true });
  await group.getByLabel('Dag', { exact: true }).fill(String(Number(day)));
  await group.getByLabel('Måned', { exact: true }).fill(String(Number(month)));
  await group.getByLabel('År', { exact: true }).fill(year);
}
