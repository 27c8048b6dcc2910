// Calls to caissed's admin API (/api/v1, docs/api/openapi.json) with the token the user logged
// in with. The token lives in sessionStorage: it goes when the tab closes, and the page never
// sends it anywhere but this origin.
const TOKEN_KEY = "caissed.token";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function savedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

// A fresh Idempotency-Key: resending the same request with it cannot run it twice. Built from
// getRandomValues, which (unlike randomUUID) also works on a plain-http LAN address.
function idempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `dashboard-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

async function call(method, path, token) {
  const headers = { Authorization: `Bearer ${token}`, Accept: "application/json" };
  if (method !== "GET") headers["Idempotency-Key"] = idempotencyKey();
  const response = await fetch(path, { method, headers });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, `${path}: ${response.status}, not JSON`);
  }
  if (!response.ok) throw new ApiError(response.status, body?.error ?? `${response.status}`);
  return body;
}

export function get(path, token = savedToken()) {
  return call("GET", path, token);
}

export function post(path, token = savedToken()) {
  return call("POST", path, token);
}

// Path segments are ids and months; encode them anyway so that no value can change the path.
export function caissePath(caisse, ...rest) {
  return ["/api/v1/caisses", caisse, ...rest].map((part, i) => (i ? encodeURIComponent(part) : part)).join("/");
}
