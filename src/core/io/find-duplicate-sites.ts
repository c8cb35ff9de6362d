import type { BtsRecord } from '../types';

/** What to do with sites of a new file that a layer already holds. */
export type DuplicateChoice = 'keep-both' | 'keep-newer' | 'skip';

/** Sites of a new file that a layer already holds, by site code or as identical records. */
export interface SiteDuplicates {
  /** Incoming sites whose operator and site code are already in the layer. */
  sameIdCount: number;
  /** Incoming sites identical to one in the layer (operator, position to about 0.1 m, technologies), whatever their code. */
  identicalCount: number;
  /** Incoming sites that are duplicates either way (each counted once). */
  count: number;
  /** The first few duplicate site codes, as written. */
  examples: string[];
}

const EXAMPLES = 5;

const idKey = (site: BtsRecord): string => `${site.operator}\u0000${site.siteId.trim().toLowerCase()}`;
const recordKey = (site: BtsRecord): string => `${site.operator}\u0000${site.lng.toFixed(6)}\u0000${site.lat.toFixed(6)}\u0000${[...site.technologies].sort().join(',')}`;

/** The keys of a layer's sites, kept in `Set`s (site codes come from files). */
function keysOf(sites: readonly BtsRecord[]): { ids: Set<string>; records: Set<string> } {
  return { ids: new Set(sites.map(idKey)), records: new Set(sites.map(recordKey)) };
}

/**
 * Which sites of a file being added to a layer the layer already holds: the same operator and site code
 * (compared without case and surrounding spaces), or an identical record (operator, position rounded to
 * 6 decimals, technologies). Importing one list twice finds every site of it.
 * @param existing the layer's sites
 * @param incoming the new file's sites
 * @returns the counts and a few site codes
 * @throws never
 * @example findDuplicateSites(layer, layer).count === layer.length // true
 */
export function findDuplicateSites(existing: readonly BtsRecord[], incoming: readonly BtsRecord[]): SiteDuplicates {
  const keys = keysOf(existing);
  let sameIdCount = 0;
  let identicalCount = 0;
  let count = 0;
  const examples: string[] = [];
  for (const site of incoming) {
    const sameId = keys.ids.has(idKey(site));
    const identical = keys.records.has(recordKey(site));
    if (sameId) sameIdCount += 1;
    if (identical) identicalCount += 1;
    if (sameId || identical) {
      count += 1;
      if (examples.length < EXAMPLES) examples.push(site.siteId);
    }
  }
  return { sameIdCount, identicalCount, count, examples };
}

/**
 * A layer with a new file's sites added, duplicates (see {@link findDuplicateSites}) handled as the user
 * chose: `keep-both` adds every site, `keep-newer` drops the layer's sites that an incoming one duplicates
 * and adds every incoming site, `skip` adds only the incoming sites that are not duplicates.
 * @param existing the layer's sites
 * @param incoming the new file's sites
 * @param choice what to do with duplicates
 * @returns the new layer (new array; records are not copied)
 * @throws never
 * @example mergeSites(layer, layer, 'skip').length === layer.length // true
 */
export function mergeSites(existing: readonly BtsRecord[], incoming: readonly BtsRecord[], choice: DuplicateChoice): BtsRecord[] {
  if (choice === 'keep-both') return [...existing, ...incoming];
  if (choice === 'keep-newer') {
    const keys = keysOf(incoming);
    return [...existing.filter((site) => !keys.ids.has(idKey(site)) && !keys.records.has(recordKey(site))), ...incoming];
  }
  const keys = keysOf(existing);
  return [...existing, ...incoming.filter((site) => !keys.ids.has(idKey(site)) && !keys.records.has(recordKey(site)))];
}
