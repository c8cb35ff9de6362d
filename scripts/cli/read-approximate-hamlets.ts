// The command line's hamlets without polygons: a hamlet list (points, or a table with commune codes)
// and commune polygons (`--communes`) become approximate hamlet areas through core. Node only.
import { basename } from 'node:path';
import {
  appendAll,
  buildApproximateHamlets,
  CoverageInputError,
  decodeText,
  detectInputFormat,
  parseCsvTable,
  parseInputBytes,
  readCommuneAreas,
  readHamletListFeatures,
  readHamletListTable,
  readXlsxTable,
} from '../../src/core/index';
import type { ApproximateHamletsResult, CoverageConfig, HamletListEntry, ImportResult, ImportSummary, ParseInputOptions } from '../../src/core/index';
import { readJsonInput } from '../../src/core/io/read-feature-collection';
import { detectGisFormat } from '../../src/formats/gis-format';
import { parseGisPath } from './read-gis-input';
import { CliError, readBytes } from './read-inputs';

const HAMLET_FIELD_WARNINGS: ReadonlySet<string> = new Set(['missing-name', 'missing-id-feature', 'missing-commune', 'missing-district', 'missing-households', 'missing-population']);

/** The approximate hamlets and the import summaries of the two files. */
export interface ApproximateInputs extends ApproximateHamletsResult {
  summaries: ImportSummary[];
  communeCount: number;
}

async function readHamletList(path: string, options: ParseInputOptions): Promise<ImportResult<HamletListEntry>> {
  const file = basename(path);
  const bytes = readBytes(path, 'sites');
  const format = detectInputFormat(file, bytes);
  if (format === 'csv') return readHamletListTable(parseCsvTable(decodeText(bytes, file).text, file), file);
  if (format === 'xlsx') {
    const table = await readXlsxTable(bytes, file, options.sheet);
    return readHamletListTable(table, `${file}[${table.sheetName}]`);
  }
  if (format === 'geojson' || format === 'json') return readHamletListFeatures(readJsonInput(decodeText(bytes, file).text, file), file);
  throw new CliError('approx.cliListFormat', { file });
}

/**
 * Reads `--hamlets` as a hamlet list and `--communes` as commune polygons (any polygon format the
 * import reads) and builds the approximate hamlets. A list that yields no hamlet, or communes that
 * match none, stop the run with the file's name.
 */
export async function readApproximateHamlets(hamletPaths: readonly string[], communesPath: string, config: CoverageConfig, options: ParseInputOptions): Promise<ApproximateInputs> {
  const communeFile = basename(communesPath);
  const communeBytes = readBytes(communesPath, 'hamlets');
  let communes;
  try {
    communes = detectGisFormat(communeFile, communeBytes) === null ? await parseInputBytes('hamlets', communeFile, communeBytes, config, options) : await parseGisPath('hamlets', communesPath, communeBytes, config, options);
  } catch (error) {
    if (error instanceof CoverageInputError) throw error;
    throw new CoverageInputError({ code: 'file-unreadable', file: communeFile, cause: error });
  }
  const communeAreas = readCommuneAreas(communes.input.hamlets ?? []);
  const entries: HamletListEntry[] = [];
  // The commune layer is read as a polygon layer: its hamlet-field warnings (no hamlet name, id,
  // households) are about fields a commune layer does not have, and would only confuse.
  const summaries: ImportSummary[] = communes.summaries.map((summary) => ({ ...summary, kind: 'hamlets', warnings: summary.warnings.filter((warning) => !HAMLET_FIELD_WARNINGS.has(warning.code)) }));
  for (const path of hamletPaths) {
    const list = await readHamletList(path, options);
    if (list.rowsRead === 0) throw new CoverageInputError({ code: 'no-rows', file: basename(path) });
    const first = list.skipped[0];
    if (list.rowsUsed === 0) throw new CoverageInputError({ code: 'no-usable-rows', file: basename(path), params: { count: list.rowsRead, ...(first === undefined ? {} : { first: first.where, reason: { code: first.code, params: first.params } }) } });
    summaries.push({ file: basename(path), kind: 'hamlets', rowsRead: list.rowsRead, rowsUsed: list.rowsUsed, skipped: list.skipped, warnings: list.warnings });
    appendAll(entries, list.items);
  }
  const built = buildApproximateHamlets(entries, communeAreas);
  if (built.hamlets.length === 0) throw new CliError('approx.cliNoMatch', { file: communeFile, hamlets: entries.length });
  return { ...built, summaries, communeCount: communeAreas.length };
}
