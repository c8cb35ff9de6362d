// Names of the GIS files read through GDAL and of the companions that travel with them. Pure, and
// small: the import panel uses it on the page without pulling in any reader.

/** The extensions GDAL opens here, and the format each is. */
export const GIS_EXTENSIONS: ReadonlyMap<string, 'mapinfo-tab' | 'mapinfo-mif' | 'geopackage' | 'dxf' | 'dgn' | 'flatgeobuf'> = new Map([
  ['tab', 'mapinfo-tab'], ['mif', 'mapinfo-mif'], ['gpkg', 'geopackage'], ['dxf', 'dxf'], ['dgn', 'dgn'], ['fgb', 'flatgeobuf'],
]);

/** The files a MapInfo table needs beside it (lower-case extensions). */
const COMPANIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['tab', ['dat', 'map', 'id', 'ind']],
  ['mif', ['mid']],
]);

/** Extensions a file picker should accept for the GIS formats (companions included). */
export const GIS_ACCEPT = '.tab,.dat,.map,.id,.ind,.mif,.mid,.gpkg,.dxf,.dgn,.fgb';

export const extensionOf = (name: string): string => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const baseOf = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').toLowerCase();

/** Whether a file name is one GDAL reads or a companion of one (.dat, .map, .id, .ind, .mid). */
export function isGisFileName(fileName: string): boolean {
  const extension = extensionOf(fileName);
  return GIS_EXTENSIONS.has(extension) || [...COMPANIONS.values()].some((list) => list.includes(extension));
}

/** A file of a multi-file selection. */
export interface NamedFile<T> {
  name: string;
  file: T;
}

/** A GIS dataset as picked: the file GDAL opens and the companions it needs. */
export interface GisFileGroup<T> {
  main: NamedFile<T>;
  companions: NamedFile<T>[];
  /** Required companions that were not picked (`.dat` and `.map` of a .tab; `.mid` of a .mif). */
  missing: string[];
}

/**
 * Groups a multi-file selection: each `.tab` with its `.dat`, `.map`, `.id`, `.ind` and each `.mif`
 * with its `.mid` (same base name, any case); other files stand alone. Companions without their table
 * stay in `rest`.
 * @param files the picked files with their names
 * @returns the groups (in the order of their main file) and the files that are no GIS table
 * @example groupGisFiles([{ name: 'ap.TAB', file: a }, { name: 'ap.dat', file: b }]).groups[0].companions[0].name // 'ap.dat'
 */
export function groupGisFiles<T>(files: readonly NamedFile<T>[]): { groups: GisFileGroup<T>[]; rest: NamedFile<T>[] } {
  const used = new Set<NamedFile<T>>();
  const groups: GisFileGroup<T>[] = [];
  for (const file of files) {
    const companions = COMPANIONS.get(extensionOf(file.name));
    if (companions === undefined) continue;
    used.add(file);
    const mine = files.filter((other) => other !== file && baseOf(other.name) === baseOf(file.name) && companions.includes(extensionOf(other.name)));
    for (const companion of mine) used.add(companion);
    const present = new Set(mine.map((companion) => extensionOf(companion.name)));
    const required = extensionOf(file.name) === 'tab' ? ['dat', 'map'] : ['mid'];
    groups.push({ main: file, companions: mine, missing: required.filter((extension) => !present.has(extension)).map((extension) => `${baseOf(file.name)}.${extension}`) });
  }
  return { groups, rest: files.filter((file) => !used.has(file)) };
}

/** The names of the companion files a `.tab` or `.mif` needs (the other case of the extension too). */
export function companionNamesOf(fileName: string): string[] {
  const raw = /\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '';
  const stem = fileName.slice(0, fileName.length - raw.length);
  const upper = raw === raw.toUpperCase();
  return (COMPANIONS.get(raw.toLowerCase()) ?? []).map((companion) => stem + (upper ? companion.toUpperCase() : companion));
}
