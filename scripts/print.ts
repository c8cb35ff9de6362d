// npm run print -- [the analyze inputs] [--layer mobile|4g|5g|ftth] [--operator NAME ...]
//                  [--paper A4|A3] [--orientation landscape|portrait]
//                  [--extent province|district:CODE|commune:CODE] [--atlas district|commune]
//                  [--title TEXT] [--data-date YYYY-MM-DD] [--lang vi|en] [--no-build] --out FILE.pdf
// Renders the app's own print layout in headless Chromium: the same PDF as the app's "Xuất PDF".
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LAYER_NAMES, normalizeOperator, type LayerName } from '../src/core/index';
import type { AutomationInput } from '../src/features/print/print-automation';
import { hamletsOfUnit, type UnitGrouping } from '../src/print/print-content';
import { printInBrowser } from './cli/print-browser';
import { ensureBuild, startPreviewServer } from './cli/print-server';
import { CliError } from './cli/read-inputs';
import { formatCount, formatSeconds, INPUT_OPTIONS, log, readInputs, runMain, say } from './cli/cli-common';

/** A hamlet's unit code from its properties (own properties only: the file's names are data). */
function readCode(properties: Readonly<Record<string, unknown>>, key: string): string {
  const value = Object.hasOwn(properties, key) ? properties[key] : undefined;
  return value === undefined || value === null ? '—' : String(value);
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `${say('cli.usage.word')}: npm run print -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F]
                        [--sheet NAME|N] [--crs SYSTEM] [--layer mobile|4g|5g|ftth] [--operator NAME ...]
                        [--paper A4|A3] [--orientation landscape|portrait]
                        [--extent province|district:CODE|commune:CODE] [--atlas district|commune]
                        [--title TEXT] [--data-date YYYY-MM-DD] [--lang vi|en] [--no-build] --out FILE.pdf
${say('cli.usage.print')}`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new CliError('cli.flagOneOf', { flag, allowed: allowed.join(', '), value });
  return value as T;
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
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) throw new CliError('cli.flagRequired', { flag: '--out FILE.pdf', usage: USAGE });
  const layer = oneOf<LayerName>(values.layer, LAYER_NAMES, '--layer', 'mobile');
  const paper = oneOf(values.paper, ['A4', 'A3'] as const, '--paper', 'A4');
  const orientation = oneOf(values.orientation, ['landscape', 'portrait'] as const, '--orientation', 'landscape');
  const atlas = values.atlas === undefined ? '' : oneOf(values.atlas, ['district', 'commune'] as const, '--atlas', 'district');
  const locale = oneOf(values.lang, ['vi', 'en'] as const, '--lang', 'vi');
  const dataDate = values['data-date'] ?? '';
  if (dataDate && !/^\d{4}-\d{2}-\d{2}$/.test(dataDate)) throw new CliError('cli.flagDate', { value: dataDate });
  const started = performance.now();
  const { input, config } = await readInputs(values);

  let extent: 'province' | UnitGrouping = 'province';
  let unitKey = '';
  if (values.extent && values.extent !== 'province') {
    const match = /^(district|commune):(.+)$/.exec(values.extent);
    if (!match) throw new CliError('cli.flagExtent', { value: values.extent });
    extent = match[1] as UnitGrouping;
    unitKey = match[2].trim();
    if (hamletsOfUnit(input.hamlets, extent, unitKey).length === 0) {
      const known = [...new Set(input.hamlets.map((hamlet) => `${readCode(hamlet.properties, `${extent}_code`)} ${hamlet[extent as 'district' | 'commune']}`))].sort();
      throw new CliError('cli.noUnit', { kind: say(`cli.unit.${extent as 'district' | 'commune'}`), unit: unitKey, known: `${known.slice(0, 40).join('; ')}${known.length > 40 ? '; …' : ''}` });
    }
  }
  const operators = values.operator ? values.operator.map((name) => normalizeOperator(name).name) : null;
  const automation: AutomationInput = {
    layers: { hamlets: input.hamlets, btsRecords: input.btsRecords, fibrePoints: input.fibrePoints, fibreRoutes: input.fibreRoutes, indicators: input.indicators },
    isDemo: input.demo === true,
    settings: { radiiMeters: config.radiiMeters, coveredThreshold: config.coveredThreshold, colocationMeters: config.colocationMeters },
    layer,
    operators,
    locale,
    print: { paper, orientation, extent: extent as 'province' | 'district' | 'commune', unitKey, atlas, title: values.title ?? '', dataDate },
  };

  if (!values['no-build']) ensureBuild(ROOT, log);
  const server = await startPreviewServer(ROOT);
  try {
    const out = resolve(values.out);
    const result = await printInBrowser(server.baseUrl, automation, out, log);
    log(say('cli.print.wrote', { out: values.out, pages: formatCount(result.pages), paper, orientation: say(`print.orientation.${orientation}`).toLocaleLowerCase(), print: formatSeconds(result.printMs / 1000), total: formatSeconds((performance.now() - started) / 1000) }));
  } finally {
    server.stop();
  }
  return 0;
}

await runMain(main);
