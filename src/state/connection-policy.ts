// The page's Content Security Policy, in two parts that the browser enforces together:
// - the page policy, a meta tag written into the built index.html by vite.config.ts: scripts only
//   from the app's origin, no eval and no inline scripts (WebAssembly compiles, for HiGHS), workers
//   from the origin or blob: (MapLibre), and connections to https hosts at most;
// - the connection policy, added by `applyConnectionPolicy` before any other module runs:
//   `connect-src 'self'`, plus the online basemap's host once the user has switched it on.
// A policy cannot be loosened after it applies, so switching the basemap on reloads the page.
// Everything else the app loads (its scripts, workers, WebAssembly such as HiGHS or GDAL, fonts and
// the demo files) comes from its own origin.

/** The connection policy: the app's origin, and the basemap's host when the user allowed one. */
export function buildConnectionPolicy(basemapOrigin: string | null): string {
  return basemapOrigin === null ? "connect-src 'self'" : `connect-src 'self' ${basemapOrigin}`;
}

/** `https://host[:port]` of a tile address (`{z}/{x}/{y}` placeholders allowed), or null when it has none. */
export function tileOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.replace(/\{[a-z]+\}/gi, '0'));
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

const BASEMAP_ORIGIN_KEY = 'soctrang-coverage:basemap-origin';

function readStoredOrigin(): string | null {
  try {
    const value = window.localStorage.getItem(BASEMAP_ORIGIN_KEY);
    return value !== null && tileOrigin(`${value}/`) === value ? value : null;
  } catch {
    return null;
  }
}

let appliedOrigin: string | null = null;

/** Adds the connection policy to the page (call once, before anything connects). */
export function applyConnectionPolicy(): void {
  appliedOrigin = readStoredOrigin();
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = buildConnectionPolicy(appliedOrigin);
  meta.dataset.policy = 'connections';
  document.head.prepend(meta);
}

/** The basemap host this page may connect to (fixed when the page loaded), or null. */
export function allowedBasemapOrigin(): string | null {
  return appliedOrigin;
}

/** Remembers the basemap host the user allowed (null = none); it takes effect on the next load. */
export function rememberBasemapOrigin(origin: string | null): void {
  try {
    if (origin === null) window.localStorage.removeItem(BASEMAP_ORIGIN_KEY);
    else window.localStorage.setItem(BASEMAP_ORIGIN_KEY, origin);
  } catch {
    // Without storage the basemap stays off after a reload; nothing else depends on it.
  }
}
