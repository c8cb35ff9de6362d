// npm run propose -- [the analyze inputs] [--operator NAME ...] [--target 1.0] [--measure hamlets|households]
//                    [--shared-target 0.3] [--budget K] [--method exact|greedy] [--spacing 500] [--time-limit S]
//                    [--technology 4G] [--radius M] [--point LNG,LAT ...] [--lang vi|en] --out DIR
// With no input flag it works on the demo dataset in public/geodata.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildCoverageReport,
  createCoverageAnalysis,
  formatProposalsGeoJson,
  normalizeOperator,
  parseLocaleNumber,
  proposeSites,
  roundNumbers,
  TECHNOLOGIES,
  type HighsLike,
  type Proposal,
  type ProposeOptions,
  type Technology,
} from '../src/core/index';
import { formatLatLng } from '../src/i18n/format';
import { formatSitingMessage } from '../src/i18n/siting-text';
import { CliError } from './cli/read-inputs';
import { EXPORT_OPTIONS, exportFlagsOf, writeExports } from './cli/write-exports';
import { COMMAND_OPTIONS, demoNoteOf, formatCount, formatPercent, formatSeconds, INPUT_OPTIONS, inputUsage, locale, log, outputOf, readInputs, runMain, say } from './cli/cli-common';

const USAGE = `${say('cli.usage.word')}: npm run propose -- [--hamlets F] [--sites F ...] [--fibre F ...] [--indicators F] [--config F] [--sheet S] [--crs C]
                          [--operator NAME ...] [--target SHARE] [--measure hamlets|households] [--shared-target SHARE]
                          [--budget K] [--method exact|greedy] [--spacing METRES] [--time-limit SECONDS]
                          [--technology 4G] [--radius METRES] [--point LNG,LAT ...]
                          [--export gpkg,shp,tab,kml,xlsx [--export-crs vn2000-tm:105.5]] [--lang vi|en] --out DIR
${inputUsage()};
${say('cli.usage.export')};
${say('cli.usage.propose')}`;

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = parseLocaleNumber(text);
  if (value === null || !Number.isFinite(value)) throw new CliError('cli.flagNumber', { flag: `--${flag}`, value: text });
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
      budget: { type: 'string' },
      method: { type: 'string' },
      spacing: { type: 'string' },
      'time-limit': { type: 'string' },
      technology: { type: 'string' },
      radius: { type: 'string' },
      point: { type: 'string', multiple: true },
      ...EXPORT_OPTIONS,
      ...COMMAND_OPTIONS,
    },
  });
  const out = outputOf(values, USAGE, '--out DIR');
  if (out === null) return 0;
  const exports = exportFlagsOf(values);
  const method = values.method ?? 'exact';
  if (method !== 'exact' && method !== 'greedy') throw new CliError('cli.flagOneOf', { flag: '--method', allowed: 'exact, greedy', value: method });
  const measure = values.measure ?? 'hamlets';
  if (measure !== 'hamlets' && measure !== 'households') throw new CliError('cli.flagOneOf', { flag: '--measure', allowed: 'hamlets, households', value: measure });
  const technology = values.technology?.toUpperCase();
  if (technology !== undefined && !TECHNOLOGIES.includes(technology as Technology)) throw new CliError('cli.flagOneOf', { flag: '--technology', allowed: TECHNOLOGIES.join(', '), value: values.technology ?? '' });
  const userPoints = (values.point ?? []).map((text) => {
    const parts = text.split(/[,;\s]+/).map(Number);
    if (parts.length !== 2 || parts.some((part) => !Number.isFinite(part))) throw new CliError('cli.flagPoint', { value: text });
    return { lng: parts[0], lat: parts[1] };
  });
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
      if (phase !== lastPhase) log(say(`cli.propose.phase.${phase}`));
      lastPhase = phase;
    },
  }, highs);
  const text = (message: { code: string; params: Record<string, string | number> }) => formatSitingMessage(message, locale);
  const nameOf = (proposal: Proposal) => text(proposal.name);
  // Latitude and longitude to 6 decimals (about 0.1 m), as the app's list writes them.
  const positionOf = (proposal: Proposal) => formatLatLng(proposal.lat, proposal.lng, locale, 6, 6);
  const helpedOf = (proposal: Proposal) =>
    proposal.helped.length === 0
      ? say('proposals.none')
      : proposal.helped.map((hamlet) => (hamlet.operator === null ? say('proposals.helpedHamlet', { hamlet: hamlet.name, commune: hamlet.communeLabel }) : say('proposals.helpedHamletOperator', { hamlet: hamlet.name, commune: hamlet.communeLabel, operator: hamlet.operator }))).join(', ');

  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'proposals.geojson'), `${JSON.stringify({ ...formatProposalsGeoJson(result.proposals, { demo: input.demo === true, nameOf }), ...demoNoteOf(input.demo) }, null, 1)}\n`);
  const { afterAnalysis: _after, records: _records, proposals, ...body } = result;
  const report = {
    demo: input.demo === true,
    ...demoNoteOf(input.demo),
    ...roundNumbers({
      ...body,
      statusText: text(result.status),
      timing: { ...result.timing, cutShortText: result.timing.cutShort.map(text) },
      proposals: proposals.map((proposal) => ({ ...proposal, nameText: nameOf(proposal), positionText: positionOf(proposal) })),
    }),
    seconds: Number((result.timing.seconds ?? 0).toFixed(3)),
  };
  writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (exports.formats.length > 0) {
    // The proposals as GIS files; the workbook holds every hamlet's results with the proposals built, and the proposals.
    const items = result.proposals.map((proposal) => ({
      id: proposal.id, name: nameOf(proposal), rank: proposal.rank, kind: proposal.kind, ...(proposal.hostSiteId !== undefined ? { hostSiteId: proposal.hostSiteId } : {}),
      operator: proposal.operator, technology: proposal.technology, radiusMeters: proposal.radiusMeters, lng: proposal.lng, lat: proposal.lat,
      householdsGained: proposal.householdsGained, newlyCoveredCount: new Set(proposal.newlyCovered).size, commune: proposal.place?.commune ?? '',
    }));
    const after = buildCoverageReport(result.afterAnalysis).hamlets;
    const written = await writeExports(out, exports.formats, { hamlets: input.hamlets, results: after, proposals: items }, exports.proj4, locale, ['proposals']);
    log(say('cli.analyze.exported', { files: written.join(', ') }));
  }

  const upgrades = result.proposals.filter((proposal) => proposal.kind === 'upgrade').length;
  log(say('cli.propose.candidates', { total: formatCount(result.candidates.total), useful: formatCount(result.candidates.useful), count: formatCount(result.proposals.length), upgrades: formatCount(upgrades), new: formatCount(result.proposals.length - upgrades) }));
  log(say('cli.propose.status', { status: text(result.status), gap: result.gap === null ? '—' : formatPercent(result.gap), greedy: formatCount(result.greedy.count), seconds: formatSeconds(result.timing.seconds ?? 0, 2), limit: formatSeconds(result.timing.limitSeconds, 0) }));
  for (const message of result.timing.cutShort) log(say('cli.propose.timeLimit', { text: text(message) }));
  if (result.target.isReduced) log(say('cli.propose.reduced', { shares: result.target.reachableShare.map(formatPercent).join(', '), count: formatCount(result.uncoverable.length) }));
  for (const layer of result.target.layers) {
    const values = { layer: layer.operator ?? say('cli.propose.allOperators'), before: formatPercent(layer.before), after: formatPercent(layer.after), measure: say(`cli.propose.measure.${result.target.measure}`) };
    log(result.target.share === null ? say('cli.propose.layer', values) : say('cli.propose.layerTarget', { ...values, target: formatPercent(result.target.share) }));
  }
  if (result.sharing) {
    const { before, after, comparator, target, isMet } = result.sharing;
    log(say('cli.propose.sharing', { before: formatPercent(before), after: formatPercent(after), comparator, target: formatPercent(target), met: say(isMet ? 'cli.propose.met' : 'cli.propose.notMet') }));
  }
  if (result.proposals.length > 0) log(say('cli.propose.list'));
  for (const proposal of result.proposals) {
    log(`  ${say('cli.propose.proposal', { rank: proposal.rank, name: nameOf(proposal), position: positionOf(proposal), households: formatCount(proposal.householdsGained), hamlets: helpedOf(proposal) })}`);
  }
  log(say('cli.propose.kpis', { mobileBefore: formatPercent(result.before.coveredMobileShare), mobileAfter: formatPercent(result.after.coveredMobileShare), sharedBefore: formatPercent(result.before.sharedSiteShare), sharedAfter: formatPercent(result.after.sharedSiteShare) }));
  log(say('cli.propose.wrote', { out: out }));
  return 0;
}

await runMain(main);
