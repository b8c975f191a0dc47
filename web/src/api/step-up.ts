import { ApiError, apiJson } from './client.js';
import type { Me } from './auth.js';

/** The problem type the server answers when a sensitive act needs a fresh login. */
export const STEP_UP_PROBLEM_TYPE = 'urn:samspil:problem:step-up-required';

/** How the user logs in again: their identity provider, or (demo mode) the same persona. */
export type Reauthentication =
  | { kind: 'oidc'; url: string }
  | { kind: 'demo'; persona: string }
  | { kind: 'login'; url: string };

/** The re-login an error asks for, or null when it is not a step-up refusal. */
export function stepUpOf(error: unknown): Reauthentication | null {
  if (!(error instanceof ApiError) || error.status !== 401) return null;
  const problem = error.problem as { type?: string; reauthenticate?: Reauthentication };
  if (problem.type !== STEP_UP_PROBLEM_TYPE) return null;
  return problem.reauthenticate ?? { kind: 'login', url: '/login' };
}

/** The page the user is on, to come back to after logging in again. */
export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/**
 * Logs the user in again. Through an identity provider the browser leaves (prompt=login) and
 * comes back to this page: 'redirected'. In demo mode the same persona logs in again here and
 * the caller can retry at once: 'done', with the user of the new session.
 */
export async function reauthenticate(
  how: Reauthentication,
  returnTo: string = currentPath(),
): Promise<{ status: 'redirected' } | { status: 'done'; me: Me }> {
  if (how.kind === 'demo') {
    const { user } = await apiJson<{ user: Me }>('/api/auth/demo-login', {
      method: 'POST',
      body: { persona: how.persona },
    });
    return { status: 'done', me: user };
  }
  const separator = how.url.includes('?') ? '&' : '?';
  const url =
    how.kind === 'oidc' ? `${how.url}${separator}returnTo=${encodeURIComponent(returnTo)}` : how.url;
  window.location.assign(url);
  return { status: 'redirected' };
}
