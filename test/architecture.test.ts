// The dependency rules of STYLE.md, checked on the source text: src/core stays pure (it runs in
// the browser worker and in the Node CLI alike), and folders import only to their left.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run-cli';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name) ? [path] : [];
  });
}

const imports = (text: string) => [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);

describe('src/core is pure', () => {
  const files = sourceFiles(join(REPO_ROOT, 'src', 'core'));

  it('has source files to check', () => expect(files.length).toBeGreaterThan(10));

  it.each(files.map((file) => [relative(REPO_ROOT, file), file]))('%s imports no DOM, UI, Node or app module', (_, file) => {
    const forbidden = imports(readFileSync(file, 'utf8')).filter(
      (spec) => /^(react|react-dom|maplibre-gl|zustand|comlink|idb-keyval)(\/|$)/.test(spec) || spec.startsWith('node:') || /^\.\.\/(\.\.\/)*(worker|state|map|features|print|app|i18n)\//.test(spec),
    );
    expect(forbidden).toEqual([]);
  });

  it.each(files.map((file) => [relative(REPO_ROOT, file), file]))('%s takes time, randomness and I/O as arguments', (_, file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(Date\.now|new Date\(\)|Math\.random|window\.|document\.|fetch\(|process\.|require\()/);
  });
});
