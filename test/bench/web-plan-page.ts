import { launchBrowser } from '../e2e/support/browser.js';
import { startDemoServer } from '../e2e/support/server.js';

export interface PlanPageTiming {
  samples: number[];
  medianMs: number;
  citizens: number;
}

/**
 * The plan page in Chromium, on the real demo server with the default demo municipality:
 * from navigation start until the citizen's goal heading is visible and the first edit button
 * can be clicked (a trial click: actionable, nothing changed). Each load is a full page load in
 * a logged-in context with a warm HTTP cache, as a caseworker moving between citizens has.
 */
export async function measurePlanPage(loads = 5, citizens = 2000): Promise<PlanPageTiming> {
  const [server, browser] = await Promise.all([startDemoServer({ citizens }), launchBrowser()]);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    const planPath = await page.evaluate(async () => {
      const login = await fetch('/api/auth/demo-login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'samspil' },
        body: JSON.stringify({ persona: 'jobcenter-caseworker' }),
      });
      if (!login.ok) throw new Error(`demo login: ${login.status}`);
      const myDay = (await (await fetch('/api/my-day')).json()) as { items: { id: string }[] };
      const first = myDay.items[0];
      if (!first) throw new Error('the caseworker has no citizens');
      return `/borgere/${first.id}/plan`;
    });
    const samples: number[] = [];
    // One load first to warm the HTTP cache and the server's read model, as in daily use.
    for (let index = 0; index <= loads; index += 1) {
      await page.goto(`${server.url}${planPath}`, { waitUntil: 'commit' });
      await page.getByRole('heading', { level: 2, name: 'Borgerens mål' }).waitFor();
      const button = page.getByRole('button', { name: /Redigér målet|Skriv borgerens mål/ });
      await button.click({ trial: true });
      const elapsed = await page.evaluate(() => performance.now());
      if (index > 0) samples.push(elapsed);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return { samples, medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, citizens };
  } finally {
    await browser.close();
    await server.stop();
  }
}
