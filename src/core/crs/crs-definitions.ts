import { listOf, quotedValue } from '../messages';
import { CoverageInputError } from '../io/input-error';

/**
 * The official VN-2000 → WGS84 7-parameter shift (Decision 05/2007/QĐ-BTNMT), in the order and sign
 * convention of proj's `+towgs84` (dx, dy, dz metres; rx, ry, rz arc-seconds; scale ppm), as published
 * for EPSG:4756 and its projected systems (EPSG:3405, 3406).
 */
export const VN2000_TOWGS84 = '-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278';

/** Central meridians of the VN-2000 3° TM zones of the Mekong delta and its neighbours (degrees E). */
export const MEKONG_TM3_MERIDIANS: readonly number[] = [104.5, 104.75, 105, 105.5, 105.75, 106, 106.25];

/** The central meridian of Sóc Trăng's VN-2000 3° TM zone. */
export const SOC_TRANG_CENTRAL_MERIDIAN = 105.5;

/** One coordinate reference system the importer can read. */
export interface CrsDefinition {
  /** `EPSG:4326`, `EPSG:3405`, `vn2000-tm:105.5`, or `custom:…` for one read from a .prj. */
  id: string;
  label: string;
  kind: 'geographic' | 'utm' | 'tm3' | 'custom';
  datum: 'WGS84' | 'VN-2000' | 'other';
  /** The proj4 definition. */
  proj4: string;
  centralMeridianDegrees?: number;
}

const GEOGRAPHIC_WGS84: CrsDefinition = { id: 'EPSG:4326', label: 'WGS 84 (degrees)', kind: 'geographic', datum: 'WGS84', proj4: '+proj=longlat +datum=WGS84 +no_defs' };

function utm(id: string, zone: 48 | 49, datum: 'WGS84' | 'VN-2000'): CrsDefinition {
  const datumPart = datum === 'WGS84' ? '+datum=WGS84' : `+ellps=WGS84 +towgs84=${VN2000_TOWGS84}`;
  return {
    id,
    label: `${datum === 'WGS84' ? 'WGS 84' : 'VN-2000'} / UTM zone ${zone}N`,
    kind: 'utm',
    datum,
    proj4: `+proj=utm +zone=${zone} ${datumPart} +units=m +no_defs`,
    centralMeridianDegrees: zone === 48 ? 105 : 111,
  };
}

/**
 * The VN-2000 3° transverse Mercator zone with a given central meridian (scale 0.9999, false easting
 * 500 000 m), the system of cadastral and land-office maps.
 * @param centralMeridianDegrees the zone's central meridian, e.g. 105.5 for Sóc Trăng
 * @returns its definition, id `vn2000-tm:<meridian>`
 * @throws never
 * @example vn2000Tm3(105.5).proj4 // '+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 …'
 */
export function vn2000Tm3(centralMeridianDegrees: number): CrsDefinition {
  return {
    id: `vn2000-tm:${centralMeridianDegrees}`,
    label: `VN-2000 / TM-3 zone, central meridian ${centralMeridianDegrees}°`,
    kind: 'tm3',
    datum: 'VN-2000',
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${centralMeridianDegrees} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    centralMeridianDegrees,
  };
}

const NAMED: Record<string, CrsDefinition> = {
  'EPSG:4326': GEOGRAPHIC_WGS84,
  'EPSG:4756': { id: 'EPSG:4756', label: 'VN-2000 (degrees)', kind: 'geographic', datum: 'VN-2000', proj4: `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs` },
  'EPSG:3405': utm('EPSG:3405', 48, 'VN-2000'),
  'EPSG:3406': utm('EPSG:3406', 49, 'VN-2000'),
  'EPSG:32648': utm('EPSG:32648', 48, 'WGS84'),
  'EPSG:32649': utm('EPSG:32649', 49, 'WGS84'),
};

/**
 * The systems offered for a guess or a manual choice: WGS84 degrees, VN-2000 / UTM 48N and 49N, WGS84 /
 * UTM 48N and 49N, and the VN-2000 3° TM zones of {@link MEKONG_TM3_MERIDIANS}.
 * @returns the definitions, WGS84 first
 * @throws never
 * @example listKnownCrs().map((crs) => crs.id) // ['EPSG:4326', 'EPSG:4756', 'EPSG:3405', …, 'vn2000-tm:105.5', …]
 */
export function listKnownCrs(): CrsDefinition[] {
  return [...Object.values(NAMED), ...MEKONG_TM3_MERIDIANS.map(vn2000Tm3)];
}

/**
 * Looks a system up by the names users and files give it: `EPSG:3405`, `epsg:32648`, `urn:ogc:def:crs:EPSG::3405`,
 * `CRS84`, `vn2000-tm:105.5` (any meridian between 102 and 110, in steps of 0.25°).
 * @param name the name
 * @param file label of the input, used in the message
 * @returns the definition
 * @throws {CoverageInputError} `unknown-crs`, listing the accepted names
 * @example resolveCrs('urn:ogc:def:crs:EPSG::3405').id // 'EPSG:3405'
 */
export function resolveCrs(name: string, file = 'input'): CrsDefinition {
  const text = name.trim();
  const tm = /^vn-?2000[-_ ]?tm(?:-?3)?:?\s*(\d{3}(?:\.\d+)?)$/i.exec(text);
  if (tm !== null) {
    const meridian = Number(tm[1]);
    if (meridian >= 102 && meridian <= 110 && Number.isInteger(meridian * 4)) return vn2000Tm3(meridian);
  }
  if (/^(urn:ogc:def:crs:OGC:1\.3:)?CRS:?84$/i.test(text)) return GEOGRAPHIC_WGS84;
  const epsg = /^(?:urn:ogc:def:crs:)?EPSG:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(text);
  if (epsg !== null && NAMED[`EPSG:${epsg[1]}`] !== undefined) return NAMED[`EPSG:${epsg[1]}`];
  throw new CoverageInputError({
    code: 'unknown-crs',
    file,
    params: { value: quotedValue(text), known: listOf([...Object.keys(NAMED), 'vn2000-tm:105.5'], { quoted: false, max: 12 }) },
  });
}
