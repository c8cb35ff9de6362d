// Serves gdal3.js's WebAssembly and data under `<base>gdal/` (dev server) and copies them into the
// build output (`dist/gdal/`): the import worker loads them from the app's own origin, only when a
// GIS file is opened. Nothing is committed; the files come from the installed package.
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const FILES = ['gdal3WebAssembly.wasm', 'gdal3WebAssembly.data'];

export function gdalAssets(): Plugin {
  const source = join(dirname(createRequire(import.meta.url).resolve('gdal3.js/package.json')), 'dist', 'package');
  let base = '/';
  return {
    name: 'gdal-assets',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = request.url?.startsWith(`${base}gdal/`) ? request.url.slice(base.length + 5).split('?')[0] : null;
        if (name === null || !FILES.includes(name)) return next();
        const path = join(source, name);
        response.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        response.setHeader('Content-Length', String(statSync(path).size));
        createReadStream(path).pipe(response);
      });
    },
    writeBundle(options) {
      const target = join(options.dir ?? 'dist', 'gdal');
      mkdirSync(target, { recursive: true });
      for (const name of FILES) copyFileSync(join(source, name), join(target, name));
    },
  };
}
