/**
 * Turns a generated demo dataset into the exact bytes of the files in `public/geodata/`, plus a
 * manifest with their SHA-256 hashes. No timestamps, so every run writes identical files.
 */
import { createHash } from 'node:crypto';
import type { DemoDataset, DemoFeatureCollection } from './generate-demo-dataset';
import { DEMO_DATASET_VERSION, DEMO_NOTE } from './generate-demo-dataset';
import type { MergerRow } from './build-merger-table';

/** Path of the CLI that writes the files, as recorded in the manifest. */
export const GENERATOR_PATH = 'scripts/build-default-dataset.ts';

/** Data files in the order the manifest lists them (the manifest itself comes last). */
export const DATA_FILE_NAMES = ['hamlets.geojson', 'sites.geojson', 'fibre.geojson', 'indicators.json', 'merger-2025.csv'] as const;

export interface ManifestFileEntry {
  sha256: string;
  bytes: number;
  /** Features (GeoJSON), rows (indicators) or data lines (CSV). */
  features: number;
}

export interface DatasetManifest {
  demo: true;
  note: string;
  version: string;
  seed: number;
  generator: string;
  files: Record<string, ManifestFileEntry>;
}

/**
 * SHA-256 of a text's UTF-8 bytes.
 * @param text file content
 * @returns lowercase hex digest
 * @example sha256Hex('') // 'e3b0c442…'
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A FeatureCollection as compact JSON with one feature per line (small files, readable diffs).
 * @param collection a demo FeatureCollection
 * @returns the file text, ending with a newline
 * @example stringifyFeatureCollection(dataset.sites)
 */
export function stringifyFeatureCollection<G, P>(collection: DemoFeatureCollection<G, P>): string {
  const header = `{"type":"FeatureCollection","demo":true,"note":${JSON.stringify(collection.note)},"features":[`;
  const lines = collection.features.map((feature) => JSON.stringify(feature));
  return `${header}\n${lines.join(',\n')}\n]}\n`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The merger table as CSV: header `old_code,old_name,new_code,new_name`, `\n` line ends.
 * @param rows merger rows
 * @returns the file text, ending with a newline
 * @example toMergerCsv([{ oldCode: '31522', oldName: 'Phường 1', newCode: '31510', newName: 'Phường Phú Lợi' }])
 */
export function toMergerCsv(rows: MergerRow[]): string {
  const lines = rows.map((row) => [row.oldCode, row.oldName, row.newCode, row.newName].map(csvField).join(','));
  return `old_code,old_name,new_code,new_name\n${lines.join('\n')}\n`;
}

/**
 * Serialises every file of the dataset and builds `manifest.json` over them.
 * @param dataset output of `generateDemoDataset`
 * @returns file name → file text, data files first, `manifest.json` last
 * @example const files = serializeDemoDataset(generateDemoDataset())
 */
export function serializeDemoDataset(dataset: DemoDataset): Record<string, string> {
  const contents: [string, string, number][] = [
    ['hamlets.geojson', stringifyFeatureCollection(dataset.hamlets), dataset.hamlets.features.length],
    ['sites.geojson', stringifyFeatureCollection(dataset.sites), dataset.sites.features.length],
    ['fibre.geojson', stringifyFeatureCollection(dataset.fibre), dataset.fibre.features.length],
    ['indicators.json', `${JSON.stringify(dataset.indicators, null, 2)}\n`, dataset.indicators.rows.length],
    ['merger-2025.csv', toMergerCsv(dataset.mergerRows), dataset.mergerRows.length],
  ];
  const manifest: DatasetManifest = {
    demo: true,
    note: DEMO_NOTE,
    version: DEMO_DATASET_VERSION,
    seed: dataset.options.seed,
    generator: GENERATOR_PATH,
    files: Object.fromEntries(
      contents.map(([name, text, features]) => [name, { sha256: sha256Hex(text), bytes: Buffer.byteLength(text, 'utf8'), features }]),
    ),
  };
  return { ...Object.fromEntries(contents.map(([name, text]) => [name, text])), 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` };
}
