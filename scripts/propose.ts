// npm run propose -- [the analyze inputs] [--operator NAME ...] [--target 1.0] [--measure hamlets|households]
//                    [--budget K] [--method exact|greedy] [--spacing 500] [--time-limit S]
//                    [--technology 4G] [--radius M] [--point LNG,LAT ...] --out DIR
// With no input flag it works on the demo dataset in public/geodata.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createCoverageAnalysis,
  formatProposalsGeoJson,
  normalizeOperator,
  parseLocaleNumber,
  proposeSites,
  roundNumbers,
  SitingError,
  TECHNOLOGIES,
  type HighsLike,
  type ProposeOptions,
  type Technology,
} from '../src/core/index';
import { CliError } from './cli/read-inputs';
import { demoNoteOf, formatPercent, INPUT_OPTIONS, INPUT_USAGE, log, readInputs, runMain } from './cli/cli-common';

const USAGE = `usage: npm run propose -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F] [--sheet S] [--crs C]
                          [--operator NAME ...] [--target SHARE] [--measure hamlets|households] [--budget K]
                          [--method exact|greedy] [--spacing METRES] [--time-limit SECONDS]
                          [--technology 4G] [--radius METRES] [--point LNG,LAT ...] --out DIR
${INPUT_USAGE};
  no --operator: the target is mobile broadband overall; --operator A --operator B: each one's own layer;
  writes DIR/proposals.geojson (loadable again with --sites) and DIR/report.json`;

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = parseLocaleNumber(text);
  if (value === null || !Number.isFinite(value)) throw new CliError(`--${flag}: "${text}" is not a number`);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_OPTIONS,
      operator: { type: 'string', multiple: true },
      target: { type: 'string' },
      measure: { type: 'string' },
      budget: { type: 'string' },
      method: { type: 'string' },
      spacing: { type: 'string' },
      'time-limit': { type: 'string' },
      technology: { type: 'string' },
      radius: { type: 'string' },
      point: { type: 'string', multiple: true },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) throw new CliError(`--out DIR is required\n${USAGE}`);
  const method = values.method ?? 'exact';
  if (method !== 'exact' && method !== 'greedy') throw new CliError(`--method: "${method}" is not exact or greedy`);
  const measure = values.measure ?? 'hamlets';
  if (measure !== 'hamlets' && measure !== 'households') throw new CliError(`--measure: "${measure}" is not hamlets or households`);
  const technology = values.technology?.toUpperCase();
  if (technology !== undefined && !TECHNOLOGIES.includes(technology as Technology)) throw new CliError(`--technology: "${values.technology}" is not one of ${TECHNOLOGIES.join(', ')}`);
  const userPoints = (values.point ?? []).map((text) => {
    const parts = text.split(/[,;\s]+/).map(Number);
    if (parts.length !== 2 || parts.some((part) => !Number.isFinite(part))) throw new CliError(`--point: "${text}" is not LNG,LAT`);
    return { lng: parts[0], lat: parts[1] };
  });
  const options: ProposeOptions = {
    operators: (values.operator ?? []).map((name) => normalizeOperator(name).name),
    targetShare: number('target', values.target) ?? 1,
    targetMeasure: measure,
    method,
    userPoints,
    ...(values.budget !== undefined ? { budget: number('budget', values.budget) } : {}),
    ...(values.spacing !== undefined ? { gridSpacingMeters: number('spacing', values.spacing) } : {}),
    ...(values['time-limit'] !== undefined ? { timeLimitSeconds: number('time-limit', values['time-limit']) } : {}),
    ...(technology !== undefined ? { technology: technology as Technology } : {}),
    ...(values.radius !== undefined ? { radiusMeters: number('radius', values.radius) } : {}),
  };

  const { input, config } = await readInputs(values);
  const analysis = createCoverageAnalysis(input, config);
  // HiGHS (WebAssembly) is loaded only for the exact method.
  const highs: HighsLike | null = method === 'exact' ? await (await import('highs')).default() : null;
  const started = performance.now();
  let lastPhase = '';
  const result = proposeSites(analysis, {
    ...options,
    onProgress: (phase) => {
      if (phase !== lastPhase) log(`${phase}…`);
      lastPhase = phase;
    },
  }, highs);
  const seconds = (performance.now() - started) / 1000;

  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'proposals.geojson'), `${JSON.stringify({ ...formatProposalsGeoJson(result.proposals, input.demo === true), ...demoNoteOf(input.demo) }, null, 1)}\n`);
  const { afterAnalysis: _after, records: _records, ...body } = result;
  const report = { demo: input.demo === true, ...demoNoteOf(input.demo), ...roundNumbers(body), seconds: Number(seconds.toFixed(3)) };
  writeFileSync(join(values.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);

  const upgrades = result.proposals.filter((proposal) => proposal.kind === 'upgrade').length;
  log(`${result.candidates.total} candidates (${result.candidates.useful} cover some hamlet); ${result.proposals.length} proposals: ${upgrades} upgrades, ${result.proposals.length - upgrades} new towers`);
  log(`method ${result.method} (${result.status}), optimal ${result.optimal}, gap ${result.gap === null ? '—' : result.gap.toExponential(2)}; greedy: ${result.greedy.count} candidates, objective ${result.greedy.objective}; ${seconds.toFixed(2)} s`);
  if (result.target.isReduced) log(`target lowered to what is reachable: ${result.target.reachableShare.map(formatPercent).join(', ')} (${result.uncoverable.length} hamlet(s) no single candidate can cover; listed in report.json)`);
  for (const layer of result.target.layers) log(`target layer ${layer.operator ?? 'mobile broadband (all operators)'}: ${formatPercent(layer.before)} → ${formatPercent(layer.after)} of ${result.target.measure} (target ${formatPercent(result.target.share)})`);
  log(`mobile broadband ${formatPercent(result.before.coveredMobileShare)} → ${formatPercent(result.after.coveredMobileShare)}; shared sites ${formatPercent(result.before.sharedSiteShare)} → ${formatPercent(result.after.sharedSiteShare)}`);
  log(`wrote ${values.out}/proposals.geojson, report.json`);
  return 0;
}

await runMain(main, [SitingError]);
