/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { gdalAssets } from './scripts/vite-gdal-assets';

/**
 * The built page's Content Security Policy: scripts only from the app's origin, no eval and no inline
 * scripts (WebAssembly may compile, for HiGHS), workers from the origin or blob: (MapLibre). Connections
 * are narrowed further at start-up to the origin and the allowed basemap host (src/state/connection-policy.ts).
 */
function buildPagePolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' https:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The built page carries its Content Security Policy as a meta tag (the dev server's inline scripts would break it). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: buildPagePolicy() }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [react(), gdalAssets(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
