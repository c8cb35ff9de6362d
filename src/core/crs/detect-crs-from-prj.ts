import proj4 from 'proj4';
import { message, type Message } from '../messages';
import { VN2000_TOWGS84, resolveCrs, vn2000Tm3, type CrsDefinition } from './crs-definitions';

/** What a .prj (or any OGC / ESRI WKT) says about a layer's system. */
export interface PrjReading {
  crs: CrsDefinition;
  /** What was read, for the import report: `prj-tmerc` (datum, central meridian, scale), `prj-geographic`, `prj-wkt`. */
  description: Message;
}

const NUMBER = '([-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)';

function parameter(wkt: string, names: string[]): number | undefined {
  for (const name of names) {
    const match = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*${NUMBER}`, 'i').exec(wkt);
    if (match !== null) return Number(match[1]);
  }
  return undefined;
}

const near = (value: number | undefined, expected: number, tolerance = 1e-6): boolean => value !== undefined && Math.abs(value - expected) <= tolerance;

/**
 * Recognises a layer's coordinate system from the WKT of a Shapefile `.prj` (ESRI or OGC WKT 1, or WKT 2)
 * by its parameters rather than its name, because Vietnamese tools name VN-2000 zones in many ways:
 * the datum (VN-2000 by a `VN_2000` / `Vietnam 2000` name or the official TOWGS84 shift; WGS 84), the
 * projection (transverse Mercator), central meridian, scale factor and false easting. Known systems come
 * back as such (`EPSG:3405`, `vn2000-tm:105.5`, `EPSG:32648`, `EPSG:4326`); a VN-2000 .prj without a
 * TOWGS84 still gets the official shift (ESRI .prj files leave it out). Anything else is handed to proj4's
 * own WKT reader as a `custom:` system, or `null` when proj4 cannot read it either.
 * @param wkt the .prj text
 * @returns the system and a description of it, or `null`
 * @throws never
 * @example detectCrsFromPrj('PROJCS["VN_2000_UTM_Zone_48N",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000],PARAMETER["False_Northing",0],PARAMETER["Central_Meridian",105],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0],UNIT["Meter",1]]')?.crs.id // 'EPSG:3405'
 */
export function detectCrsFromPrj(wkt: string): PrjReading | null {
  const text = wkt.trim();
  if (text === '') return null;
  const towgs84 = /TOWGS84\[\s*([^\]]*)\]/i.exec(text)?.[1]?.split(',').map((part) => Number(part.trim()));
  // GDAL writes a datum it knows only by its shift into an ESRI .prj as a name spelling the shift
  // ("D_Unknown_based_on_WGS_84_ellipsoid_using_towgs84_-191_90441429_…"): VN-2000's official shift.
  const isVn2000 = /VN[-_ ]?2000|Vietnam[-_ ]?2000|towgs84_-191_904/i.test(text) || (towgs84 !== undefined && near(towgs84[0], -191.904, 0.01));
  const isWgs84Datum = !isVn2000 && /DATUM\[\s*"(D_)?WGS[-_ ]?(19)?84|World Geodetic System 1984/i.test(text) && (towgs84 === undefined || towgs84.every((value) => value === 0));
  const datum = isVn2000 ? 'VN-2000' : isWgs84Datum ? 'WGS 84' : null;
  const isProjected = /^\s*(PROJCS|PROJCRS|PROJECTEDCRS)\[/i.test(text);

  if (!isProjected && datum !== null && /^\s*(GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)\[/i.test(text)) {
    return { crs: resolveCrs(isVn2000 ? 'EPSG:4756' : 'EPSG:4326'), description: message('prj-geographic', { datum }) };
  }
  const isTransverseMercator = /PROJECTION\[\s*"Transverse[_ ]Mercator"|METHOD\[\s*"Transverse Mercator"/i.test(text);
  const meridian = parameter(text, ['Central_Meridian', 'Longitude of natural origin', 'longitude_of_center']);
  const scale = parameter(text, ['Scale_Factor', 'Scale factor at natural origin']);
  const falseEasting = parameter(text, ['False_Easting', 'False easting']);
  const falseNorthing = parameter(text, ['False_Northing', 'False northing']) ?? 0;
  const latitudeOfOrigin = parameter(text, ['Latitude_Of_Origin', 'Latitude of natural origin']) ?? 0;
  const unit = /UNIT\[\s*"([^"]+)"\s*,\s*([\d.]+)\s*\]\s*(,\s*AXIS.*)?\]\s*$/i.exec(text);
  const isMetre = unit === null || near(Number(unit[2]), 1);
  if (isProjected && isTransverseMercator && datum !== null && meridian !== undefined && isMetre && near(falseEasting, 500000, 1e-3) && falseNorthing === 0 && latitudeOfOrigin === 0) {
    const description = message('prj-tmerc', { datum, meridian, scale: scale ?? 1 });
    if (near(scale, 0.9996) && (meridian === 105 || meridian === 111)) {
      const zone = meridian === 105 ? 48 : 49;
      const id = isVn2000 ? (zone === 48 ? 'EPSG:3405' : 'EPSG:3406') : zone === 48 ? 'EPSG:32648' : 'EPSG:32649';
      return { crs: resolveCrs(id), description };
    }
    if (isVn2000 && near(scale, 0.9999)) return { crs: vn2000Tm3(meridian), description };
    if (scale !== undefined) {
      const datumPart = isVn2000 ? `+ellps=WGS84 +towgs84=${VN2000_TOWGS84}` : '+datum=WGS84';
      return {
        crs: { id: `custom:tmerc:${meridian}:${scale}`, label: `${datum}, transverse Mercator, central meridian ${meridian}°, scale ${scale}`, kind: 'custom', datum: isVn2000 ? 'VN-2000' : 'WGS84', proj4: `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=${scale} +x_0=500000 +y_0=0 ${datumPart} +units=m +no_defs`, centralMeridianDegrees: meridian },
        description,
      };
    }
  }
  const name = /^\s*\w+\[\s*"([^"]*)"/.exec(text)?.[1] ?? 'unnamed';
  try {
    proj4(text, '+proj=longlat +datum=WGS84 +no_defs');
  } catch {
    return null;
  }
  return { crs: { id: `custom:${name}`, label: name, kind: 'custom', datum: 'other', proj4: text }, description: message('prj-wkt', { value: name }) };
}
