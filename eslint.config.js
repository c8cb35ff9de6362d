// Lint: the dependency direction of STYLE.md (core ← worker ← state ← map / features / print),
// the purity of src/core, and no unbounded spread into a call (arguments go on the stack:
// `push(...items)` or `Math.max(...values)` over 200,000 items throws "Maximum call stack size exceeded").
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*.bench.ts', 'test/**'];

/** The folders of src/ that form the app, left to right in the dependency direction. */
const APP_FOLDERS = ['core', 'worker', 'state', 'i18n', 'map', 'features', 'print', 'app'];

/** Each folder and the folders (and packages) it must not import. */
const FORBIDDEN = {
  core: { folders: APP_FOLDERS.filter((folder) => folder !== 'core'), packages: ['react', 'react-dom', 'maplibre-gl', '@maplibre', 'zustand', 'comlink', 'idb-keyval', 'highs', 'pdf-lib', '@pdf-lib'], why: 'src/core is pure: it runs in the engine worker and in the Node CLI alike; import only from src/core and plain libraries.' },
  worker: { folders: ['state', 'i18n', 'map', 'features', 'print', 'app'], packages: ['react', 'react-dom', 'maplibre-gl', 'zustand'], why: 'the worker exposes core functions only.' },
  state: { folders: ['map', 'features', 'print', 'app'], packages: ['react-dom', 'maplibre-gl'], why: 'stores sit left of the map, features and print (STYLE.md).' },
  i18n: { folders: ['worker', 'map', 'features', 'print', 'app'], packages: ['maplibre-gl', 'zustand'], why: 'the dictionary depends on nothing of the app but the language setting.' },
  map: { folders: ['features', 'print', 'app'], packages: [], why: 'the map sits left of features and print.' },
  features: { folders: ['app'], packages: [], why: 'features do not import the app shell.' },
  print: { folders: ['worker', 'state', 'features', 'app'], packages: ['zustand', 'react-dom'], why: 'print takes its data as arguments and imports no store: the print CLI runs it in Node.' },
};

/** Node's built-in modules, with or without the `node:` prefix. */
const NODE_BUILTINS = '^(node:|(fs|path|os|url|util|crypto|child_process|worker_threads|stream|buffer|zlib|http|https|net|events|process|module|assert|perf_hooks|timers)(/|$))';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * `no-restricted-imports` for the files of `src/<folder>` at one depth below it: a relative import
 * that climbs out of the folder (`../` once more than the depth) into a forbidden sibling.
 */
function importRules(folder, depth) {
  const { folders, packages, why } = FORBIDDEN[folder];
  const climb = `^(\\.\\./){${depth + 1}}`;
  const patterns = [
    { regex: `${climb}(${folders.join('|')})(/|$)`, message: `${why} (src/${folder} may not import src/${folders.join(', src/')})` },
  ];
  if (folder === 'core') {
    patterns.push({ regex: `${climb}(?!core(/|$))`, message: `${why} (nothing outside src/core)` });
    patterns.push({ regex: NODE_BUILTINS, message: `${why} (no Node built-in modules)` });
  }
  if (packages.length > 0) patterns.push({ regex: `^(${packages.map(escape).join('|')})(/|$)`, message: `${why} (no ${packages.join(', ')})` });
  return { 'no-restricted-imports': ['error', { patterns }] };
}

const SPREAD_INTO_CALL = [
  {
    selector: 'CallExpression > SpreadElement',
    message: 'Spreading into a call puts every item on the stack (200,000 items overflow it): loop, or use a helper that takes the array.',
  },
  {
    selector: 'NewExpression > SpreadElement',
    message: 'Spreading into a constructor puts every item on the stack: pass the array.',
  },
];

const ONE_WORKER_CREATOR = [
  { selector: "NewExpression[callee.name='Worker']", message: 'Only src/worker/client.ts creates a Worker (lazily), so UI modules and tests start none.' },
];

const CORE_PURITY_SYNTAX = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core takes "now" as an argument.' },
  { selector: 'ExportAllDeclaration', message: 'src/core exports a deliberate list: name each export (index.ts groups them by use).' },
];

const depthBlocks = Object.keys(FORBIDDEN).flatMap((folder) =>
  [0, 1, 2, 3, 4].map((depth) => ({
    files: [`src/${folder}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    ignores: TEST_FILES,
    rules: importRules(folder, depth),
  })),
);

export default defineConfig([
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: TEST_FILES,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-syntax': ['error', ...SPREAD_INTO_CALL] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...TEST_FILES, 'src/worker/client.ts'],
    rules: { 'no-restricted-syntax': ['error', ...SPREAD_INTO_CALL, ...ONE_WORKER_CREATOR] },
  },
  ...depthBlocks,
  {
    files: ['src/core/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-syntax': ['error', ...SPREAD_INTO_CALL, ...ONE_WORKER_CREATOR, ...CORE_PURITY_SYNTAX],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core takes "now" as an argument.' },
        { object: 'Math', property: 'random', message: 'src/core takes its random source (a seed) as an argument.' },
      ],
      'no-restricted-globals': ['error', ...['window', 'document', 'self', 'navigator', 'globalThis', 'fetch', 'XMLHttpRequest', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', 'setTimeout', 'setInterval'].map((name) => ({ name, message: 'src/core is pure: take it as an argument.' }))],
    },
  },
  {
    // Node scripts may use the engine (src/core) and print's pure content helpers, never a store or the DOM app.
    files: ['scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '(^|/)src/(state|worker|app|map)(/|$)', message: 'scripts and benchmarks run in Node: import src/core (and print content), never a store, the worker or the map.' },
        { regex: '^(react|react-dom|zustand|maplibre-gl)(/|$)', message: 'scripts and benchmarks run in Node: no UI packages.' },
      ] }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', self: 'readonly' } },
  },
]);
