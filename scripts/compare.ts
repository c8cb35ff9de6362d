// npm run compare -- --before DIR|PROJECT.json#SNAPSHOT --after DIR|PROJECT.json#SNAPSHOT --out DIR
//                    [--match-meters N] [--group-by FIELD ...]
// What changed between two results: hamlets newly covered and lost per layer, sites added, removed
// and newly shared, each operator's network, every target then and now; writes change.json,
// change.csv and change.geojson.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareSnapshots, formatChangeCsv, formatChangeGeoJson, formatChangeJson, LAYER_NAMES, roundNumbers } from '../src/core/index';
import { log, runMain } from './cli/cli-common';
import { CliError } from './cli/read-inputs';
import { readResultsSource } from './cli/read-results';

const USAGE = `usage: npm run compare -- --before DIR|PROJECT.json#SNAPSHOT --after DIR|PROJECT.json#SNAPSHOT --out DIR
                          [--match-meters N] [--group-by FIELD ...]
  DIR is an npm run analyze output folder (report.json, sites.geojson; hamlets.geojson for the map);
  PROJECT.json#SNAPSHOT is a snapshot saved in a project file, by its id or date (du-an.json#2024-12-31);
  --match-meters: a site with a new id within this distance of a vanished one is the same site (default 30);
  --group-by: the groupings compared unit by unit (default: every grouping of the later results)`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      before: { type: 'string' },
      after: { type: 'string' },
      out: { type: 'string' },
      'match-meters': { type: 'string' },
      'group-by': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.before || !values.after || !values.out) throw new CliError(`--before, --after and --out are required\n${USAGE}`);
  const matchMeters = values['match-meters'] === undefined ? 30 : Number(values['match-meters']);
  if (!Number.isFinite(matchMeters) || matchMeters < 0) throw new CliError(`--match-meters must be a number ≥ 0, not "${values['match-meters']}"`);
  const before = readResultsSource(values.before);
  const after = readResultsSource(values.after);
  const groupings = values['group-by'] ?? Object.keys(after.results.groups);
  const change = compareSnapshots(before.results, after.results, { matchMeters, groupings });
  const demo = before.results.demo || after.results.demo;
  if (demo) log('DỮ LIỆU MINH HỌA / DEMO DATA: generated, not official');

  mkdirSync(values.out, { recursive: true });
  const json = roundNumbers(formatChangeJson(change, { before: before.side, after: after.side }, { matchMeters, demo }));
  writeFileSync(join(values.out, 'change.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(values.out, 'change.csv'), `\uFEFF${formatChangeCsv(change)}\n`);
  const geometryOf = (id: string) => after.geometry.get(id) ?? before.geometry.get(id);
  writeFileSync(join(values.out, 'change.geojson'), JSON.stringify(formatChangeGeoJson(change, geometryOf, demo)));

  for (const layer of LAYER_NAMES) log(`${layer}: ${change.hamlets.newlyCovered[layer].length} hamlets newly covered, ${change.hamlets.lost[layer].length} lost`);
  log(`sites: ${change.sites.added.length} added, ${change.sites.removed.length} removed, ${change.sites.newlyShared.length} newly shared, ${change.sites.rematched.length} matched under a new id or position`);
  if (change.hamlets.onlyBefore.length + change.hamlets.onlyAfter.length > 0) log(`hamlets in one result only (not compared): ${change.hamlets.onlyBefore.length} before, ${change.hamlets.onlyAfter.length} after`);
  log(`wrote ${values.out}/change.json, change.csv, change.geojson`);
  return 0;
}

await runMain(main);
