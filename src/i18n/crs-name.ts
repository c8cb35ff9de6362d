import { formatNumber, type Locale } from './format';
import { translate } from './translate';

const UTM: Readonly<Record<string, { datum: string; zone: number }>> = {
  'EPSG:3405': { datum: 'VN-2000', zone: 48 },
  'EPSG:3406': { datum: 'VN-2000', zone: 49 },
  'EPSG:32648': { datum: 'WGS 84', zone: 48 },
  'EPSG:32649': { datum: 'WGS 84', zone: 49 },
};

/**
 * A coordinate system's name in the user's language (core's labels are English): the known systems by
 * id, a transverse Mercator read from a .prj (`custom:tmerc:<meridian>:<scale>`) by its parameters;
 * any other system read from a .prj keeps core's label (or its id).
 */
export function nameCrs(crsId: string, coreLabel: string | undefined, locale: Locale): string {
  if (crsId === 'EPSG:4326') return translate(locale, 'import.crsName.wgs84');
  if (crsId === 'EPSG:4756') return translate(locale, 'import.crsName.vn2000Degrees');
  const utm = Object.hasOwn(UTM, crsId) ? UTM[crsId] : undefined;
  if (utm) return translate(locale, 'import.crsName.utm', { datum: utm.datum, zone: utm.zone });
  const tm = /^vn2000-tm:(\d+(?:\.\d+)?)$/.exec(crsId);
  if (tm) return translate(locale, 'import.crsName.tm3', { meridian: formatNumber(Number(tm[1]), locale, 4) });
  const tmerc = /^custom:tmerc:([-\d.]+):([-\d.e]+)$/.exec(crsId);
  if (tmerc) return translate(locale, 'message.crs-custom-tmerc', { meridian: formatNumber(Number(tmerc[1]), locale, 6), scale: formatNumber(Number(tmerc[2]), locale, 8) });
  return coreLabel ?? crsId.replace(/^custom:/, '');
}
