import type { MessageKey } from '../../i18n/dictionary';
import type { Locale } from '../../i18n/format';

const UTM: Record<string, { datum: string; zone: number }> = {
  'EPSG:3405': { datum: 'VN-2000', zone: 48 },
  'EPSG:3406': { datum: 'VN-2000', zone: 49 },
  'EPSG:32648': { datum: 'WGS 84', zone: 48 },
  'EPSG:32649': { datum: 'WGS 84', zone: 49 },
};

/**
 * A known coordinate system's name in the user's language (core's labels are English); a system
 * core read from a .prj (`custom:…`) keeps core's label.
 */
export function nameCrs(crsId: string, coreLabel: string, locale: Locale, t: (key: MessageKey, values?: Record<string, string | number>) => string): string {
  if (crsId === 'EPSG:4326') return t('import.crsName.wgs84');
  if (crsId === 'EPSG:4756') return t('import.crsName.vn2000Degrees');
  const utm = UTM[crsId];
  if (utm) return t('import.crsName.utm', { datum: utm.datum, zone: utm.zone });
  const tm = /^vn2000-tm:(\d+(?:\.\d+)?)$/.exec(crsId);
  if (tm) return t('import.crsName.tm3', { meridian: locale === 'vi' ? tm[1].replace('.', ',') : tm[1] });
  return coreLabel;
}
