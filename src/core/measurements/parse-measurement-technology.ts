import type { MeasurementTechnology } from './measurement-set';

/** Names of what a test ran on, as exports write them, keyed by their upper-case letters and digits. */
const TECHNOLOGY_BY_TOKEN: ReadonlyMap<string, MeasurementTechnology> = new Map<string, MeasurementTechnology>([
  ['2G', '2G'], ['GSM', '2G'], ['GPRS', '2G'], ['EDGE', '2G'],
  ['3G', '3G'], ['UMTS', '3G'], ['WCDMA', '3G'], ['HSPA', '3G'], ['HSPAPLUS', '3G'], ['HSDPA', '3G'], ['HSUPA', '3G'], ['TDSCDMA', '3G'],
  ['4G', '4G'], ['LTE', '4G'], ['4GLTE', '4G'], ['LTEA', '4G'], ['LTEADVANCED', '4G'], ['4GPLUS', '4G'], ['LTEPLUS', '4G'],
  ['5G', '5G'], ['NR', '5G'], ['5GNR', '5G'], ['NR5G', '5G'], ['NRNSA', '5G'], ['NRSA', '5G'], ['5GNSA', '5G'], ['5GSA', '5G'], ['ENDC', '5G'],
  ['WIFI', 'wifi'], ['WLAN', 'wifi'], ['WIRELESS', 'wifi'],
  ['LAN', 'fixed'], ['ETHERNET', 'fixed'], ['FIXED', 'fixed'], ['FTTH', 'fixed'], ['FIBER', 'fixed'], ['FIBRE', 'fixed'], ['DSL', 'fixed'], ['ADSL', 'fixed'], ['CABLE', 'fixed'],
  ['CODINH', 'fixed'], ['CAPQUANG', 'fixed'], ['BANGRONGCODINH', 'fixed'],
  ['CELL', 'mobile'], ['CELLULAR', 'mobile'], ['MOBILE', 'mobile'], ['MOBILEDATA', 'mobile'], ['DIDONG', 'mobile'], ['BANGRONGDIDONG', 'mobile'],
]);

/**
 * Reads what a test ran on from one cell: a mobile generation (`LTE`, `4G`, `NR`, `5G NSA`, `HSPA+`,
 * `UMTS`, `GSM`…), mobile of unknown generation (`cell`, `cellular`, `di động`), Wi-Fi (`WLAN`,
 * `WiFi`), or a fixed line (`LAN`, `Ethernet`, `FTTH`, `cố định`, `cáp quang`). Case, spaces,
 * hyphens, `+` and Vietnamese diacritics are ignored.
 * @param raw the cell as written
 * @returns the technology, or null when it is not recognised (or blank)
 * @throws never
 * @example parseMeasurementTechnology('HSPA+') // '3G'
 * @example parseMeasurementTechnology('WLAN') // 'wifi'
 */
export function parseMeasurementTechnology(raw: string): MeasurementTechnology | null {
  const key = raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toUpperCase()
    .replace(/\+/g, 'PLUS')
    .replace(/[^A-Z0-9]/g, '');
  if (key === '') return null;
  return TECHNOLOGY_BY_TOKEN.get(key) ?? null;
}
