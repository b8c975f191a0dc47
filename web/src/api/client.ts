import i18next from 'i18next';
import type { Problem } from '../../../src/domain/common/responses.js';
import { VISIT_HEADER, visitId } from './visit.js';

export type { ItemList, Localised, NamedRef, Page, Problem } from '../../../src/domain/common/responses.js';

/** An HTTP error from the API, carrying the RFC 9457 problem details when the server sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** Thrown when the server could not be reached at all. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A CSV file's text, sent as text/csv instead of a JSON body (the imports). */
  csv?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Calls the Samspil API. Same-origin cookies carry the session; every state-changing
 * request carries `X-Requested-With: samspil`, which the server requires as its CSRF guard.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18next.resolvedLanguage ?? 'da',
    [VISIT_HEADER]: visitId(),
    ...options.headers,
  };
  if (!SAFE_METHODS.has(method)) {
    headers['X-Requested-With'] = 'samspil';
    headers['Content-Type'] = options.csv === undefined ? 'application/json' : 'text/csv';
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: SAFE_METHODS.has(method) ? undefined : (options.csv ?? JSON.stringify(options.body ?? {})),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  const etag = response.headers.get('ETag');
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return { data: undefined as T, etag };
  return { data: (await response.json()) as T, etag };
}

/** A file the API sends as an attachment (Content-Disposition), kept in memory only until saved. */
export interface ApiDownload {
  blob: Blob;
  filename: string;
}

/** POSTs to an endpoint that answers with a file to download; errors as in apiRequest. */
export async function apiDownload(path: string, body: unknown): Promise<ApiDownload> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': i18next.resolvedLanguage ?? 'da',
        'Content-Type': 'application/json',
        'X-Requested-With': 'samspil',
        [VISIT_HEADER]: visitId(),
      },
      credentials: 'same-origin',
      cache: 'no-store',
      body: JSON.stringify(body ?? {}),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'samspil.json';
  return { blob: await response.blob(), filename };
}

/** Like apiRequest, for callers that need only the body. */
export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiRequest<T>(path, options)).data;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object') return body as Problem;
    } catch {
      // fall through: a broken error body must not hide the status
    }
  }
  return { status: response.status, title: response.statusText };
}

/** A line the server refused in an import, as the 422 problem lists it. */
export interface ImportProblem {
  line?: number;
  field: string;
  message: string;
}

/** Whether an error is an API error with the given status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
