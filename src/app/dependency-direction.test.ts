// STYLE.md: core ← worker ← state ← map / features; no folder imports from a folder to its right.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name) ? [file] : [];
  });
}

/** The `src/` folders a file imports from (relative imports only). */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/gm)]
    .map((match) => path.relative(SRC, path.resolve(path.dirname(file), match[1])).split(path.sep)[0])
    .filter((folder) => folder !== '' && !folder.startsWith('..'));
}

const FORBIDDEN: Record<string, string[]> = {
  worker: ['state', 'map', 'features', 'app', 'i18n'],
  state: ['map', 'features', 'app'],
  map: ['features', 'app'],
  features: ['app'],
  i18n: ['map', 'features', 'app', 'worker'],
};

describe('dependency direction of the app folders', () => {
  for (const [folder, forbidden] of Object.entries(FORBIDDEN)) {
    it(`src/${folder} imports none of ${forbidden.join(', ')}`, () => {
      const offending = sourceFiles(path.join(SRC, folder)).flatMap((file) =>
        importedFolders(file)
          .filter((imported) => forbidden.includes(imported))
          .map((imported) => `${path.relative(SRC, file)} → ${imported}`),
      );
      expect(offending).toEqual([]);
    });
  }
  it('only the worker client creates a Worker', () => {
    const creators = sourceFiles(SRC).filter((file) => /new Worker\(/.test(readFileSync(file, 'utf8')));
    expect(creators.map((file) => path.relative(SRC, file))).toEqual([path.join('worker', 'client.ts')]);
  });
});
