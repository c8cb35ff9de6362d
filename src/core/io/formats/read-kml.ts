import { quotedValue } from '../../messages';
import { CoverageInputError } from '../input-error';
import { decodeText } from '../decode-text';
import { budgetRefusal, InflateBudgetError, inflateZipEntries, listZipEntries, MAX_INFLATED_BYTES } from './inflate-zip';

/** A GeoJSON FeatureCollection as the format readers return it (the parsers check it further). */
export interface FeatureCollectionObject {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id?: string | number; geometry: unknown; properties: Record<string, unknown> | null }[];
}

/**
 * Reads KML (as Google Earth and field-survey apps write it) into a GeoJSON FeatureCollection with
 * `@tmcw/togeojson`, parsing the XML with `@xmldom/xmldom` so the same code runs in a worker and in Node
 * (core never touches a global DOMParser); both are loaded on first use, so the app's other bundles
 * do not carry them. Placemark `name`, `description` and ExtendedData become
 * properties; a placemark without an `id` takes its `name` as feature id, so fibre points named `ODP-12`
 * keep that id. Folders are flattened; styles are dropped.
 * @param text the KML document
 * @param file label of the file, used in messages
 * @returns the FeatureCollection (WGS84 degrees, as KML always is), once the XML readers are loaded
 * @throws {CoverageInputError} `xml-malformed`, `kml-wrong-root` or `kml-unreadable`
 * @example (await readKml('<kml><Placemark><name>A</name><Point><coordinates>105.9,9.6</coordinates></Point></Placemark></kml>', 'a.kml')).features[0].id // 'A'
 */
export async function readKml(text: string, file: string): Promise<FeatureCollectionObject> {
  const [{ kml }, { DOMParser }] = await Promise.all([import('@tmcw/togeojson'), import('@xmldom/xmldom')]);
  let xml;
  try {
    xml = new DOMParser({ onError: (level, message) => { if (level === 'fatalError') throw new Error(message); } }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw new CoverageInputError({ code: 'xml-malformed', file, cause: error });
  }
  if (xml.documentElement === null || !/kml/i.test(xml.documentElement.nodeName)) {
    throw new CoverageInputError({ code: 'kml-wrong-root', file, params: { value: quotedValue(xml.documentElement?.nodeName ?? '') } });
  }
  let collection;
  try {
    collection = kml(xml);
  } catch (error) {
    throw new CoverageInputError({ code: 'kml-unreadable', file, cause: error });
  }
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => {
      const properties = Object.assign(Object.create(null) as Record<string, unknown>, feature.properties ?? {});
      const name = typeof properties.name === 'string' ? properties.name.trim() : '';
      const id = feature.id ?? (name === '' ? undefined : name);
      return { type: 'Feature', ...(id === undefined ? {} : { id }), geometry: feature.geometry, properties };
    }),
  };
}

/**
 * Reads a KMZ (a zip holding `doc.kml` or another .kml file) with `fflate`, then {@link readKml}.
 * @param bytes the KMZ file
 * @param file label of the file, used in messages
 * @returns the FeatureCollection of the first .kml inside (`doc.kml` preferred)
 * @throws {CoverageInputError} `zip-unreadable`, `zip-entry-too-large` or `kmz-no-kml`
 * @example (await readKmz(kmzBytes, 'odp.kmz')).features.length
 */
export async function readKmz(bytes: Uint8Array, file: string): Promise<FeatureCollectionObject> {
  // Only the .kml that is read is inflated (doc.kml first, then the first by name): the others are skipped.
  const names = listEntryNames(bytes, file)
    .filter((name) => /\.kml$/i.test(name) && !name.includes('__MACOSX'))
    .sort((a, b) => Number(!/(^|\/)doc\.kml$/i.test(a)) - Number(!/(^|\/)doc\.kml$/i.test(b)) || a.localeCompare(b));
  if (names.length === 0) throw new CoverageInputError({ code: 'kmz-no-kml', file });
  const entries = inflate(bytes, file, [names[0]]);
  if (entries[names[0]] === undefined) throw new CoverageInputError({ code: 'zip-unreadable', file });
  return readKml(decodeText(entries[names[0]], file).text, `${file}/${names[0]}`);
}

/**
 * Unzips the entries whose names pass `keep` (folder entries and macOS `__MACOSX` copies are left out),
 * all of them together within {@link MAX_INFLATED_BYTES}, counted as they unpack; other entries are not inflated.
 * @param bytes the zip file
 * @param file label of the file, used in messages
 * @param keep which entry names to decompress
 * @returns entry name → bytes (a null-prototype record: entry names are data)
 * @throws {CoverageInputError} `zip-unreadable` when the bytes are not a readable zip, `archive-over-budget`
 *   or `archive-over-ratio` when its entries unpack to more than the budget or too many times their size
 * @example unzipEntries(zipBytes, 'a.zip', (name) => name.endsWith('.shp'))
 */
export function unzipEntries(bytes: Uint8Array, file: string, keep: (name: string) => boolean): Record<string, Uint8Array> {
  const names = listEntryNames(bytes, file).filter((name) => !name.endsWith('/') && !name.includes('__MACOSX') && keep(name));
  return inflate(bytes, file, names);
}

function listEntryNames(bytes: Uint8Array, file: string): string[] {
  try {
    return listZipEntries(bytes).map((entry) => entry.name);
  } catch (error) {
    if (error instanceof CoverageInputError) throw error;
    throw new CoverageInputError({ code: 'zip-unreadable', file, cause: error });
  }
}

function inflate(bytes: Uint8Array, file: string, names: readonly string[]): Record<string, Uint8Array> {
  try {
    return inflateZipEntries(bytes, names, { budgetBytes: MAX_INFLATED_BYTES });
  } catch (error) {
    if (error instanceof InflateBudgetError) throw budgetRefusal(error, file);
    throw new CoverageInputError({ code: 'zip-unreadable', file, cause: error });
  }
}
