import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './client.js';
import { shouldRetry } from './queryClient.js';

const answer = (status: number): ApiError => new ApiError(status, { title: `HTTP ${status}`, status });

describe('which failed queries are tried again', () => {
  it('never a 401, 403, 404 or other client error: they are answers', () => {
    for (const status of [400, 401, 403, 404, 409, 412, 422]) {
      expect(shouldRetry(0, answer(status)), String(status)).toBe(false);
    }
  });

  it('a server error or a lost connection, up to twice', () => {
    expect(shouldRetry(0, answer(503))).toBe(true);
    expect(shouldRetry(1, new NetworkError(new Error('offline')))).toBe(true);
    expect(shouldRetry(2, answer(500))).toBe(false);
  });
});
