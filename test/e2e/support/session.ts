import type { Browser, Page } from 'playwright-core';
import { LoginPage } from './pages/login-page.js';

/** The demo personas by id, with their display names (the login buttons name them). */
export async function demoPersonas(serverUrl: string): Promise<Map<string, string>> {
  const response = await fetch(`${serverUrl}/api/auth/demo-personas`);
  const body = (await response.json()) as { personas: { id: string; name: string }[] };
  return new Map(body.personas.map((persona) => [persona.id, persona.name]));
}

/**
 * A fresh browser context (its own cookies: its own session) logged in as a demo persona
 * through the login page, as a person would.
 */
export async function loginAs(
  browser: Browser,
  serverUrl: string,
  personaName: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ baseURL: serverUrl, viewport, locale: 'da-DK' });
  const page = await context.newPage();
  await (await new LoginPage(page).goto()).loginAs(personaName);
  return page;
}
