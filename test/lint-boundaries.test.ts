// The boundaries of STYLE.md are enforced by eslint.config.js (`npm run lint`, part of `npm test`).
// These cases check that the config really refuses what it promises to refuse — a file of each
// folder written with the forbidden import — and accepts the allowed direction.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run-cli';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

/** The rules a piece of code breaks when it stands at `file` (a path from the repository root). */
async function brokenRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, file) });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('the lint keeps src/core pure', () => {
  it.each([
    ['src/core/io/probe.ts', 'react', "import { useState } from 'react';\nexport const probe = useState;\n"],
    ['src/core/probe.ts', 'maplibre-gl', "import maplibregl from 'maplibre-gl';\nexport const probe = maplibregl;\n"],
    ['src/core/kpi/probe.ts', 'zustand', "import { create } from 'zustand';\nexport const probe = create;\n"],
    ['src/core/io/formats/probe.ts', 'node:fs', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n"],
    ['src/core/io/probe.ts', '../../state/analysis-store', "import { useAnalysisStore } from '../../state/analysis-store';\nexport const probe = useAnalysisStore;\n"],
    ['src/core/probe.ts', '../i18n/format', "import type { Locale } from '../i18n/format';\nexport type Probe = Locale;\n"],
    ['src/core/io/probe.ts', '../../../test/helpers/run-cli', "import { REPO_ROOT } from '../../../test/helpers/run-cli';\nexport const probe = REPO_ROOT;\n"],
  ])('%s: %s is refused', async (file, _what, code) => {
    expect(await brokenRules(file, code)).toContain('no-restricted-imports');
  });

  it('refuses the clock, randomness and globals of the page or of Node', async () => {
    expect(await brokenRules('src/core/probe.ts', 'export const now = () => Date.now();\n')).toEqual(['no-restricted-properties']);
    expect(await brokenRules('src/core/probe.ts', 'export const pick = () => Math.random();\n')).toEqual(['no-restricted-properties']);
    expect(await brokenRules('src/core/probe.ts', 'export const today = () => new Date();\n')).toEqual(['no-restricted-syntax']);
    expect(await brokenRules('src/core/probe.ts', 'export const load = (url: string) => fetch(url);\n')).toEqual(['no-restricted-globals']);
    expect(await brokenRules('src/core/probe.ts', 'export const home = () => process.env.HOME;\n')).toEqual(['no-restricted-globals']);
  });

  it('refuses `export *`: core exports a deliberate list', async () => {
    expect(await brokenRules('src/core/index.ts', "export * from './types';\n")).toEqual(['no-restricted-syntax']);
  });

  it('accepts core importing core and plain libraries', async () => {
    expect(await brokenRules('src/core/io/probe.ts', "import Papa from 'papaparse';\nimport type { Hamlet } from '../types';\nimport { appendAll } from '../append-all';\nexport const probe = [Papa, appendAll];\nexport type Probe = Hamlet;\n")).toEqual([]);
    expect(await brokenRules('src/core/probe.ts', "export const at = (isoDate: string) => new Date(isoDate);\n")).toEqual([]);
  });
});

describe('the lint keeps the dependency direction', () => {
  it.each([
    ['src/print/probe.ts', '../state/analysis-store', "import { useAnalysisStore } from '../state/analysis-store';\nexport const probe = useAnalysisStore;\n"],
    ['src/print/probe.ts', 'zustand', "import { create } from 'zustand';\nexport const probe = create;\n"],
    ['src/state/probe.ts', '../map/map-controller', "import { MapController } from '../map/map-controller';\nexport const probe = MapController;\n"],
    ['src/state/probe.ts', '../features/import/PanelImport', "import { PanelImport } from '../features/import/PanelImport';\nexport const probe = PanelImport;\n"],
    ['src/worker/probe.ts', '../state/dataset-store', "import { useDatasetStore } from '../state/dataset-store';\nexport const probe = useDatasetStore;\n"],
    ['src/map/layers/probe.ts', '../../app/App', "import { App } from '../../app/App';\nexport const probe = App;\n"],
    ['scripts/probe.ts', '../src/state/dataset-store', "import { useDatasetStore } from '../src/state/dataset-store';\nexport const probe = useDatasetStore;\n"],
  ])('%s: %s is refused', async (file, _what, code) => {
    expect(await brokenRules(file, code)).toContain('no-restricted-imports');
  });

  it('accepts imports to the left', async () => {
    expect(await brokenRules('src/print/probe.ts', "import { coverageStatusOf } from '../core';\nimport { COVERAGE_COLORS } from '../map/layers/palette';\nexport const probe = [coverageStatusOf, COVERAGE_COLORS];\n")).toEqual([]);
    expect(await brokenRules('src/map/probe.ts', "import { useAnalysisStore } from '../state/analysis-store';\nexport const probe = useAnalysisStore;\n")).toEqual([]);
  });

  it('lets only the worker client create a Worker', async () => {
    expect(await brokenRules('src/state/probe.ts', "export const start = () => new Worker('x.js');\n")).toEqual(['no-restricted-syntax']);
    expect(await brokenRules('src/worker/client.ts', "export const start = () => new Worker('x.js');\n")).toEqual([]);
  });
});

describe('the lint refuses unbounded spread into a call', () => {
  it.each([
    ['src/core/probe.ts', 'target.push(...items)', 'export const add = (target: number[], items: number[]) => target.push(...items);\n'],
    ['src/features/probe.ts', 'Math.max(...values)', 'export const largest = (values: number[]) => Math.max(...values);\n'],
    ['scripts/probe.ts', 'new Set(...[values])', 'export const make = (values: number[]) => new Set(...[values]);\n'],
  ])('%s: %s is refused', async (file, _what, code) => {
    expect(await brokenRules(file, code)).toEqual(['no-restricted-syntax']);
  });

  it('leaves spread into arrays and objects alone', async () => {
    expect(await brokenRules('src/core/probe.ts', 'export const join = (a: number[], b: number[]) => [...a, ...b];\nexport const merge = (a: object) => ({ ...a });\n')).toEqual([]);
  });
});
