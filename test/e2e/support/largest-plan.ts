import type { Page } from 'playwright-core';

/**
 * The demo's largest plan that the logged-in professional can open: the citizen with the most
 * interventions and sub-goals (ended ones too) on their caseload. Measured through the API the
 * page itself uses, so the choice follows the synthetic data, not a name written down here.
 */
export async function largestPlanPath(page: Page): Promise<{ path: string; items: number }> {
  return page.evaluate(async () => {
    const ids: string[] = [];
    for (let pageNumber = 1; pageNumber < 50; pageNumber += 1) {
      const response = await fetch(`/api/citizens?pageSize=100&page=${pageNumber}`);
      if (!response.ok) throw new Error(`caseload: ${response.status}`);
      const body = (await response.json()) as { items: { id: string }[]; total: number };
      ids.push(...body.items.map((item) => item.id));
      if (ids.length >= body.total || body.items.length === 0) break;
    }
    let best = { id: '', items: -1 };
    for (const id of ids) {
      const response = await fetch(`/api/citizens/${id}/plan`);
      if (!response.ok) continue;
      const plan = (await response.json()) as {
        subGoals: unknown[];
        sectors: { interventions: unknown[] }[];
      };
      const items =
        plan.subGoals.length + plan.sectors.reduce((sum, group) => sum + group.interventions.length, 0);
      if (items > best.items) best = { id, items };
    }
    if (!best.id) throw new Error('no plan could be opened');
    return { path: `/borgere/${best.id}/plan`, items: best.items };
  });
}

/** Opens a plan and waits until every part of it, loaded after the first paint, is there. */
export async function openWholePlan(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Historik' }).waitFor();
  await page.waitForLoadState('networkidle');
}
