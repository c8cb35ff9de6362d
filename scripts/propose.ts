// npm run propose -- [the analyze inputs] [--operator NAME ...] [--target 1.0] [--measure hamlets|households]
//                    [--shared-target 0.3] [--budget K] [--method exact|greedy] [--spacing 500] [--time-limit S]
//                    [--technology 4G] [--radius M] [--point LNG,LAT ...] [--lang vi|en] --out DIR
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
  type Proposal,
  type ProposeOptions,
  type Technology,
} from '../src/core/index';
import type { Locale } from '../src/i18n/format';
import { formatSitingMessage } from '../src/i18n/siting-text';
import { CliError } from './cli/read-inputs';
import { demoNoteOf, formatPercent, INPUT_OPTIONS, INPUT_USAGE, log, readInputs, runMain } from './cli/cli-common';

const USAGE = `usage: npm run propose -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F] [--sheet S] [--crs C]
                          [--operator NAME ...] [--target SHARE] [--measure hamlets|households] [--shared-target SHARE]
                          [--budget K] [--method exact|greedy] [--spacing METRES] [--time-limit SECONDS]
                          [--technology 4G] [--radius METRES] [--point LNG,LAT ...] [--lang vi|en] --out DIR
${INPUT_USAGE};
  no --operator: the target is mobile broadband overall and new towers are shared towers ("Dùng chung");
  --operator A --operator B: each one's own layer;
  --shared-target 0.3: the shared-site ratio to reach (as the plan compares it: over 30 %); alone it is the
  only aim, with --target both are; --time-limit bounds the whole run (default 10 s);
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
      'shared-target': { type: 'string' },
      lang: { type: 'string' },
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
  const lang = values.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') throw new CliError(`--lang: "${lang}" is not vi or en`);
  const locale: Locale = lang;
  const sharedTarget = number('shared-target', values['shared-target']);
  // --shared-target alone is the only aim; with --target, both are.
  const targetShare = number('target', values.target) ?? (sharedTarget === undefined ? 1 : null);
  const options: ProposeOptions = {
    operators: (values.operator ?? []).map((name) => normalizeOperator(name).name),
    targetShare,
    ...(sharedTarget !== undefined ? { sharedTarget } : {}),
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
  let lastPhase = '';
  const result = proposeSites(analysis, {
    ...options,
    now: () => performance.now(),
    onProgress: (phase) => {
      if (phase !== lastPhase) log(`${phase}…`);
      lastPhase = phase;
    },
  }, highs);
  const text = (message: { code: string; params: Record<string, string | number> }) => formatSitingMessage(message, locale);
  const nameOf = (proposal: Proposal) => text(proposal.name);

  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'proposals.geojson'), `${JSON.stringify({ ...formatProposalsGeoJson(result.proposals, { demo: input.demo === true, nameOf }), ...demoNoteOf(input.demo) }, null, 1)}\n`);
  const { afterAnalysis: _after, records: _records, proposals, ...body } = result;
  const report = {
    demo: input.demo === true,
    ...demoNoteOf(input.demo),
    ...roundNumbers({
      ...body,
      statusText: text(result.status),
      timing: { ...result.timing, cutShortText: result.timing.cutShort.map(text) },
      proposals: proposals.map((proposal) => ({ ...proposal, nameText: nameOf(proposal) })),
    }),
    seconds: Number((result.timing.seconds ?? 0).toFixed(3)),
  };
  writeFileSync(join(values.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);

  const upgrades = result.proposals.filter((proposal) => proposal.kind === 'upgrade').length;
  log(`${result.candidates.total} candidates (${result.candidates.useful} of use); ${result.proposals.length} proposals: ${upgrades} upgrades, ${result.proposals.length - upgrades} new towers`);
  log(`${text(result.status)}; gap ${result.gap === null ? '—' : result.gap.toExponential(2)}; greedy: ${result.greedy.count} candidates, objective ${result.greedy.objective}; ${(result.timing.seconds ?? 0).toFixed(2)} s of ${result.timing.limitSeconds} s`);
  for (const message of result.timing.cutShort) log(`time limit: ${text(message)}`);
  if (result.target.isReduced) log(`target lowered to what is reachable: ${result.target.reachableShare.map(formatPercent).join(', ')} (${result.uncoverable.length} hamlet(s) no single candidate can cover; listed in report.json)`);
  for (const layer of result.target.layers) log(`target layer ${layer.operator ?? 'mobile broadband (all operators)'}: ${formatPercent(layer.before)} → ${formatPercent(layer.after)} of ${result.target.measure}${result.target.share === null ? '' : ` (target ${formatPercent(result.target.share)})`}`);
  if (result.sharing) log(`shared sites ${formatPercent(result.sharing.before)} → ${formatPercent(result.sharing.after)} (target ${result.sharing.comparator} ${formatPercent(result.sharing.target)}: ${result.sharing.isMet ? 'met' : 'not met'})`);
  log(`mobile broadband ${formatPercent(result.before.coveredMobileShare)} → ${formatPercent(result.after.coveredMobileShare)}; shared sites ${formatPercent(result.before.sharedSiteShare)} → ${formatPercent(result.after.sharedSiteShare)}`);
  log(`wrote ${values.out}/proposals.geojson, report.json`);
  return 0;
}

await runMain(main, [SitingError]);
