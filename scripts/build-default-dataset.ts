/**
 * CLI: writes the demo dataset to public/geodata/ (`npm run build-dataset`).
 * Options: `--seed <n>` (default: the committed seed), `--out <dir>` (default: public/geodata).
 * The output is byte-identical on every run with the same seed; the manifest holds the hashes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEMO_OPTIONS, generateDemoDataset } from './demo-dataset/generate-demo-dataset';
import { serializeDemoDataset } from './demo-dataset/serialize-dataset';
import { summarizeDemoDataset } from './demo-dataset/summarize-dataset';

function readFlag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function main(): void {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(readFlag('--out') ?? join(repoRoot, 'public', 'geodata'));
  const seedFlag = readFlag('--seed');
  const seed = seedFlag === undefined ? DEFAULT_DEMO_OPTIONS.seed : Number(seedFlag);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${seedFlag}"`);

  const startedMs = performance.now();
  const dataset = generateDemoDataset({ seed });
  const files = serializeDemoDataset(dataset);
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  const elapsedSeconds = (performance.now() - startedMs) / 1000;

  const summary = summarizeDemoDataset(dataset.hamlets, dataset.sites, dataset.fibre);
  const newCommunes = new Set(dataset.mergerRows.map((row) => row.newCode)).size;
  const percent = (share: number): string => `${(100 * share).toFixed(1)} %`;
  console.log(`Demo dataset (seed ${seed}) written to ${outDir} in ${elapsedSeconds.toFixed(1)} s`);
  for (const [name, text] of Object.entries(files)) console.log(`  ${name.padEnd(16)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(6)} KiB`);
  console.log(`  districts ${summary.districts}, communes ${summary.communes} (→ ${newCommunes} after mergers), hamlets ${summary.hamlets}`);
  console.log(`  households ${summary.households}, population ${summary.population}`);
  console.log(`  BTS records ${summary.btsRecords} at ${summary.sites} sites, shared ${summary.sharedSites} (${percent(summary.sharedSiteShare)})`);
  console.log(`  records per operator ${JSON.stringify(summary.recordsPerOperator)}`);
  console.log(`  fibre points ${summary.fibrePoints}`);
  console.log(`  estimated hamlets without mobile broadband ${percent(summary.uncoveredMobileShare)}, without FTTH ${percent(summary.uncoveredFtthShare)}`);
}

main();
