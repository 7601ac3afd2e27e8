// The admin JSON API (/admin/api/): same-origin fetch, JSON both ways, the CSRF token on every
// request that changes something, and a trip to the login page when the session is gone.

let current = null;

export class ApiError extends Error {
  constructor(status, message, body, extra = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body || {};
    Object.assign(this, extra);
  }
}

export function session() {
  return current;
}

export function isAdmin() {
  return current?.role === 'admin';
}

export function loginUrl(next = location.pathname + location.search) {
  return `/admin/login?next=${encodeURIComponent(next)}`;
}

let redirecting = false;

function toLogin() {
  if (!redirecting) {
    redirecting = true;
    location.assign(loginUrl());
  }
}

async function readBody(res) {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json') || /^[[{]/.test(text.trim())) {
    try {
      return JSON.parse(text);
    } catch {
      return { error: text.slice(0, 300) };
    }
  }
  return { error: text.slice(0, 300) };
}

/**
 * One API call. Resolves to the parsed JSON (null for 204); rejects with an ApiError carrying the
 * status and the answer's body (whose `error` is the message). On 401 it goes to the login page.
 * The body is sent as JSON, or as it is (a text, a file) when `options.contentType` names its type.
 */
export async function request(method, path, body, options = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, credentials: 'same-origin', headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = options.contentType || 'application/json';
    init.body = options.contentType ? body : JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && current?.csrfToken) {
    headers['X-CSRF-Token'] = current.csrfToken;
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `The hub did not answer (${e.message}).`, null);
  }
  const data = await readBody(res);
  if (res.status === 401 && !options.noRedirect) {
    toLogin();
    throw new ApiError(401, 'Your session has ended; log in again.', data, { redirecting: true });
  }
  if (res.status === 403 && data?.reason === 'csrf' && !options.retried) {
    // The token changed (a new login in another tab): take the current one and try once more.
    await loadSession();
    return request(method, path, body, { ...options, retried: true });
  }
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('Retry-After'));
    throw new ApiError(res.status, data?.error || `${res.status} ${res.statusText || 'error'}`, data,
      { retryAfter: Number.isFinite(retryAfter) ? retryAfter : null });
  }
  return data;
}

export const api = {
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, body = {}, options) => request('POST', path, body, options),
  put: (path, body, options) => request('PUT', path, body, options),
  /** A PUT of a text or a file (a Blob, sent byte for byte) of the given type rather than JSON. */
  putRaw: (path, body, contentType, options) => request('PUT', path, body, { ...options, contentType }),
  del: (path, options) => request('DELETE', path, undefined, options),
};

export async function loadSession() {
  current = await api.get('/admin/api/session');
  return current;
}

export async function logout() {
  try {
    await api.del('/admin/api/session', { noRedirect: true });
  } finally {
    current = null;
    location.assign('/admin/login');
  }
}
