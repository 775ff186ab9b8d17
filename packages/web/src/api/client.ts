import { ApiError, isRecord, parseRetryAfter, type ServerError } from './api-error.ts';

export const apiBase = '/api/v1';

// The session cookie is HttpOnly, so the page cannot read it; the CSRF token comes from
// `/auth/me` (or the login answer) and must go with every mutating request.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
/** The current CSRF token (the outbox sends its own requests). */
export const currentCsrfToken = () => csrfToken;

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** One request; the answer's JSON as `unknown` (the typed client parses it with the route's schema). */
export async function send(method: string, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(apiBase + path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The service cannot be reached. Check the connection and try again.');
  }
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = (data as { error?: ServerError } | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? res.statusText,
      err?.details,
      parseRetryAfter(res.headers.get('retry-after')),
      typeof err?.reason === 'string' ? err.reason : undefined,
      isRecord(err?.params) ? err.params : undefined,
    );
  }
  return data;
}

// the untyped helpers below trust the caller's type; routes with a contract go through `call`
const request = <T>(method: string, path: string, body?: unknown) => send(method, path, body) as Promise<T>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', path, form);
  },
};

/** Same-origin URL of a file, for links (the cookie authenticates the download). */
export const fileUrl = (path: string) => apiBase + path;
