import { unzipSync } from 'fflate';
import { quotedValue } from '../../messages';
import { CoverageInputError } from '../input-error';
import { decodeText } from '../decode-text';

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
  const entries = unzipEntries(bytes, file, (name) => /\.kml$/i.test(name));
  const names = Object.keys(entries).sort((a, b) => Number(!/(^|\/)doc\.kml$/i.test(a)) - Number(!/(^|\/)doc\.kml$/i.test(b)) || a.localeCompare(b));
  if (names.length === 0) throw new CoverageInputError({ code: 'kmz-no-kml', file });
  return readKml(decodeText(entries[names[0]], file).text, `${file}/${names[0]}`);
}

/** Largest unpacked size of one zip entry (a 200 MB zip of text can hold about this much). */
const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

/**
 * Unzips the entries whose names pass `keep` (folder entries and macOS `__MACOSX` copies are left out).
 * @param bytes the zip file
 * @param file label of the file, used in messages
 * @param keep which entry names to decompress
 * @returns entry name → bytes
 * @throws {CoverageInputError} `zip-unreadable` when the bytes are not a readable zip, `zip-entry-too-large`
 * @example unzipEntries(zipBytes, 'a.zip', (name) => name.endsWith('.shp'))
 */
export function unzipEntries(bytes: Uint8Array, file: string, keep: (name: string) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name.endsWith('/') || entry.name.includes('__MACOSX') || !keep(entry.name)) return false;
        // A zip bomb or a damaged size field: refuse before inflating.
        if (entry.originalSize > MAX_UNZIPPED_BYTES) {
          throw new CoverageInputError({ code: 'zip-entry-too-large', file, params: { entry: entry.name, sizeMb: Math.round(entry.originalSize / 1048576), limitMb: MAX_UNZIPPED_BYTES / 1048576 } });
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof CoverageInputError) throw error;
    throw new CoverageInputError({ code: 'zip-unreadable', file, cause: error });
  }
}
