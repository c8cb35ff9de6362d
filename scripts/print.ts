// npm run print -- [the analyze inputs] [--layer mobile|4g|5g|ftth] [--operator NAME ...]
//                  [--paper A4|A3] [--orientation landscape|portrait]
//                  [--extent province|district:CODE|commune:CODE] [--atlas district|commune|new_commune]
//                  [--title TEXT] [--data-date YYYY-MM-DD] [--lang vi|en] [--no-build] --out FILE.pdf
//                  [--map hamlets|challenges|h3] [--measurements F ...] [--rsrp-threshold DBM] [--h3-resolution 8|9]
//                  [--reference F ...]
// Renders the app's own print layout in headless Chromium: the same PDF as the app's "Xuất PDF".
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatUnitLabel, groupHamlets, LAYER_NAMES, normalizeOperator, parseReferenceBytes, UNASSIGNED_GROUP_KEY, type Hamlet, type LayerName, type ReferenceLayer } from '../src/core/index';
import type { AutomationInput } from '../src/features/print/print-automation';
import type { UnitGrouping } from '../src/print/print-content';
import { printInBrowser } from './cli/print-browser';
import { ensureBuild, startPreviewServer } from './cli/print-server';
import { CliError, fileError } from './cli/read-inputs';
import { COMMAND_OPTIONS, formatCount, formatSeconds, INPUT_OPTIONS, log, outputOf, readInputs, runMain, say } from './cli/cli-common';
import { measurementOptionsFrom, readMeasurementFiles } from './cli/measurement-evidence';
import { parseGisReferencePath } from './cli/read-gis-input';
import { detectGisFormat } from '../src/formats/gis-format';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `${say('cli.usage.word')}: npm run print -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F]
                        [--sheet NAME|N] [--crs SYSTEM] [--layer mobile|4g|5g|ftth] [--operator NAME ...]
                        [--paper A4|A3] [--orientation landscape|portrait]
                        [--extent province|district:CODE|commune:CODE] [--atlas district|commune|new_commune]
                        [--title TEXT] [--data-date YYYY-MM-DD] [--lang vi|en] [--no-build] --out FILE.pdf
                        [--map hamlets|challenges|h3] [--measurements F ...] [--rsrp-threshold DBM] [--h3-resolution 8|9]
                        [--reference F ...]
${say('cli.usage.print')}
${say('cli.usage.printEvidence')}`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new CliError('cli.flagOneOf', { flag, allowed: allowed.join(', '), value });
  return value as T;
}

/**
 * The engine's key of the unit named on the command line by its key, its code or its name. A name that
 * several units share ("Phường 1") is refused with the list of those units and their codes.
 */
function resolveUnitKey(hamlets: Hamlet[], grouping: UnitGrouping, wanted: string): string {
  const { units } = groupHamlets(hamlets, grouping);
  const text = wanted.trim();
  const exact = units.find((unit) => unit.key === text) ?? units.find((unit) => unit.code === text);
  if (exact) return exact.key;
  const named = units.filter((unit) => unit.label === text || formatUnitLabel(unit) === text);
  if (named.length === 1) return named[0].key;
  const describe = (list: typeof units) => list.map((unit) => `${unit.code ?? unit.key} ${formatUnitLabel(unit)}`);
  const kind = say(`cli.unit.${grouping}`);
  if (named.length > 1) throw new CliError('cli.unitAmbiguous', { count: formatCount(named.length), kind, unit: text, units: describe(named).join('; ') });
  const known = describe(units.filter((unit) => unit.key !== UNASSIGNED_GROUP_KEY));
  throw new CliError('cli.noUnit', { kind, unit: text, known: `${known.slice(0, 40).join('; ')}${known.length > 40 ? '; …' : ''}` });
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_OPTIONS,
      layer: { type: 'string' },
      operator: { type: 'string', multiple: true },
      paper: { type: 'string' },
      orientation: { type: 'string' },
      extent: { type: 'string' },
      atlas: { type: 'string' },
      title: { type: 'string' },
      'data-date': { type: 'string' },
      'no-build': { type: 'boolean' },
      map: { type: 'string' },
      measurements: { type: 'string', multiple: true },
      reference: { type: 'string', multiple: true },
      'rsrp-threshold': { type: 'string' },
      'h3-resolution': { type: 'string' },
      ...COMMAND_OPTIONS,
    },
  });
  const out = outputOf(values, USAGE, '--out FILE.pdf');
  if (out === null) return 0;
  const layer = oneOf<LayerName>(values.layer, LAYER_NAMES, '--layer', 'mobile');
  const paper = oneOf(values.paper, ['A4', 'A3'] as const, '--paper', 'A4');
  const orientation = oneOf(values.orientation, ['landscape', 'portrait'] as const, '--orientation', 'landscape');
  const atlas = values.atlas === undefined ? '' : oneOf(values.atlas, ['district', 'commune', 'new_commune'] as const, '--atlas', 'district');
  const locale = oneOf(values.lang, ['vi', 'en'] as const, '--lang', 'vi');
  const dataDate = values['data-date'] ?? '';
  if (dataDate && !/^\d{4}-\d{2}-\d{2}$/.test(dataDate)) throw new CliError('cli.flagDate', { value: dataDate });
  const map = oneOf(values.map, ['hamlets', 'challenges', 'h3'] as const, '--map', 'hamlets');
  if (map === 'challenges' && !values.measurements?.length) throw new CliError('cli.print.needsMeasurements', {});
  const started = performance.now();
  const { input, config, profile } = await readInputs(values);
  const rules = measurementOptionsFrom(values, config);
  // Context layers (neighbouring provinces, rivers, roads), read with the app's own reader.
  const referenceLayers: ReferenceLayer[] = [];
  for (const file of values.reference ?? []) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      throw fileError(file, error);
    }
    const options = values.crs === undefined ? {} : { crs: values.crs };
    // MapInfo, DGN, GeoPackage, FileGDB, DXF, FlatGeobuf through GDAL, as the app reads them.
    const parsed = detectGisFormat(basename(file), bytes) === null ? await parseReferenceBytes(basename(file), bytes, options) : await parseGisReferencePath(file, bytes, options);
    referenceLayers.push({ id: `reference-${referenceLayers.length + 1}`, fileName: parsed.fileName, attributes: parsed.attributes, labelAttribute: parsed.labelAttribute, features: parsed.features });
  }
  const loaded = values.measurements?.length ? await readMeasurementFiles(values.measurements, { ...(values.sheet === undefined ? {} : { sheet: values.sheet }), ...(values.crs === undefined ? {} : { crs: values.crs }) }, log) : null;

  let extent: 'province' | UnitGrouping = 'province';
  let unitKey = '';
  if (values.extent && values.extent !== 'province') {
    const match = /^(district|commune):(.+)$/.exec(values.extent);
    if (!match) throw new CliError('cli.flagExtent', { value: values.extent });
    extent = match[1] as UnitGrouping;
    unitKey = resolveUnitKey(input.hamlets, extent, match[2]);
  }
  const operators = values.operator ? values.operator.map((name) => normalizeOperator(name).name) : null;
  const automation: AutomationInput = {
    layers: { hamlets: input.hamlets, btsRecords: input.btsRecords, fibrePoints: input.fibrePoints, fibreRoutes: input.fibreRoutes, indicators: input.indicators },
    isDemo: input.demo === true,
    settings: { radiiMeters: config.radiiMeters, coveredThreshold: config.coveredThreshold, colocationMeters: config.colocationMeters },
    layer,
    operators,
    locale,
    print: { paper, orientation, extent: extent as 'province' | 'district' | 'commune', unitKey, atlas, title: values.title ?? '', dataDate, evidence: map === 'challenges' ? 'challenges' : map === 'h3' ? 'h3View' : '' },
    plan: profile,
    // The rules go with the tests (resolution of the H3 view too, when no test is given).
    referenceLayers,
    measurements: { set: loaded?.set ?? null, files: loaded ? loaded.summaries.map((summary) => ({ fileName: summary.file, format: summary.format, rowsUsed: summary.rowsUsed })) : [], rules },
  };

  if (!values['no-build']) ensureBuild(ROOT, log);
  const server = await startPreviewServer(ROOT);
  try {
    const path = resolve(out);
    const result = await printInBrowser(server.baseUrl, automation, path, log);
    log(say('cli.print.wrote', { out, pages: formatCount(result.pages), paper, orientation: say(`print.orientation.${orientation}`).toLocaleLowerCase(), print: formatSeconds(result.printMs / 1000), total: formatSeconds((performance.now() - started) / 1000) }));
  } finally {
    server.stop();
  }
  return 0;
}

await runMain(main);
