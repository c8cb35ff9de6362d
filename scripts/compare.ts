// npm run compare -- --before DIR|PROJECT.json#SNAPSHOT --after DIR|PROJECT.json#SNAPSHOT --out DIR
//                    [--match-meters N] [--group-by FIELD ...] [--lang vi|en]
// What changed between two results: hamlets newly covered and lost per layer, sites added, removed
// and newly shared, each operator's network, every target then and now; writes change.json,
// change.csv and change.geojson.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareSnapshots, formatChangeCsv, formatChangeGeoJson, formatChangeJson, LAYER_NAMES, roundNumbers } from '../src/core/index';
import { COMMAND_OPTIONS, demoLine, formatCount, log, matchMetersOf, outputOf, runMain, say } from './cli/cli-common';
import { CliError } from './cli/read-inputs';
import { readResultsSource } from './cli/read-results';

const USAGE = `${say('cli.usage.word')}: npm run compare -- --before DIR|PROJECT.json#SNAPSHOT --after DIR|PROJECT.json#SNAPSHOT --out DIR
                          [--match-meters N] [--group-by FIELD ...] [--lang vi|en]
${say('cli.usage.compare')}`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      before: { type: 'string' },
      after: { type: 'string' },
      'match-meters': { type: 'string' },
      'group-by': { type: 'string', multiple: true },
      ...COMMAND_OPTIONS,
    },
  });
  const out = outputOf(values, USAGE, '--before, --after, --out');
  if (out === null) return 0;
  if (!values.before || !values.after) throw new CliError('cli.flagRequired', { flag: '--before, --after, --out', usage: USAGE });
  const matchMeters = matchMetersOf(values['match-meters']);
  const before = readResultsSource(values.before);
  const after = readResultsSource(values.after);
  const groupings = values['group-by'] ?? Object.keys(after.results.groups);
  const change = compareSnapshots(before.results, after.results, { matchMeters, groupings });
  const demo = before.results.demo || after.results.demo;
  if (demo) log(demoLine());

  mkdirSync(out, { recursive: true });
  const json = roundNumbers(formatChangeJson(change, { before: before.side, after: after.side }, { matchMeters, demo }));
  writeFileSync(join(out, 'change.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(out, 'change.csv'), formatChangeCsv(change));
  const geometryOf = (id: string) => after.geometry.get(id) ?? before.geometry.get(id);
  writeFileSync(join(out, 'change.geojson'), JSON.stringify(formatChangeGeoJson(change, geometryOf, demo)));

  for (const layer of LAYER_NAMES) log(say('cli.compare.layer', { layer: say(`layer.${layer}`), covered: formatCount(change.hamlets.newlyCovered[layer].length), lost: formatCount(change.hamlets.lost[layer].length) }));
  const { sites } = change;
  log(say('cli.compare.sites', { added: formatCount(sites.added.length), removed: formatCount(sites.removed.length), shared: formatCount(sites.newlyShared.length), rematched: formatCount(sites.rematched.length) }));
  if (change.hamlets.onlyBefore.length + change.hamlets.onlyAfter.length > 0) log(say('cli.compare.onlyOne', { before: formatCount(change.hamlets.onlyBefore.length), after: formatCount(change.hamlets.onlyAfter.length) }));
  log(say('cli.compare.wrote', { out: out }));
  return 0;
}

await runMain(main);
