import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiJson, apiRequest, NetworkError } from './client.js';

function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function lastCall(fetchMock: ReturnType<typeof vi.fn>): { url: string; init: RequestInit } {
  const call = fetchMock.mock.calls.at(-1) as [string, RequestInit];
  return { url: call[0], init: call[1] };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('sends the CSRF header and JSON content type on state-changing requests', async () => {
    const fetchMock = vi.fn().mockResolvedValue(respond(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await apiJson('/api/citizens/search', { method: 'POST', body: { cpr: '010190-1234' } });
    const { url, init } = lastCall(fetchMock);
    expect(url).toBe('/api/citizens/search');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toMatchObject({ 'X-Requested-With': 'samspil', 'Content-Type': 'application/json' });
    expect(init.body).toBe('{"cpr":"010190-1234"}');
  });

  it('sends no body and no CSRF header on reads', async () => {
    const fetchMock = vi.fn().mockResolvedValue(respond(200, { items: [] }));
    vi.stubGlobal('fetch', fetchMock);
    await apiJson('/api/citizens');
    const { init } = lastCall(fetchMock);
    expect(init.body).toBeUndefined();
    expect(init.headers).not.toHaveProperty('X-Requested-With');
  });

  it('returns the ETag with the body', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(respond(200, { version: 3 }, { ETag: '"3"' })));
    await expect(apiRequest('/api/citizens/x/plan')).resolves.toEqual({ data: { version: 3 }, etag: '"3"' });
  });

  it('turns problem details into an ApiError carrying status and detail', async () => {
    const problem = {
      type: 'about:blank',
      title: 'No access',
      status: 403,
      detail: 'You have no relationship.',
    };
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(respond(403, problem, { 'Content-Type': 'application/problem+json' })),
    );
    const error = await apiJson('/api/citizens/x/plan').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    expect((error as ApiError).message).toBe('You have no relationship.');
  });

  it('keeps the status when an error has no JSON body', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(new Response('oops', { status: 502, statusText: 'Bad Gateway' })),
    );
    const error = await apiJson('/api/citizens').catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(502);
  });

  it('answers 204 with no body', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 204 })));
    await expect(apiJson('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('reports an unreachable server as a NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('fetch failed')));
    await expect(apiJson('/api/auth/me')).rejects.toBeInstanceOf(NetworkError);
  });
});
