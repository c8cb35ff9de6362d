/** Locales the app speaks; Vietnamese is the default. */
export type Locale = 'vi' | 'en';

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
    numberFormats.set(key, format);
  }
  return format;
}

/** A number in the locale's notation: `319.732` in Vietnamese, `319,732` in English. */
export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return numberFormat(locale, fractionDigits).format(value);
}

/**
 * A share in [0, 1] as a percentage with one decimal. Vietnamese writes a space before the sign
 * (`91,2 %`, as in the plan's documents); Intl's vi-VN percent style omits it, so the sign is added here.
 * The space is a no-break space so the sign never wraps away from its number.
 */
export function formatPercent(share: number, locale: Locale): string {
  const digits = formatNumber(share * 100, locale, 1);
  return locale === 'vi' ? `${digits}\u00a0%` : `${digits}%`;
}

/** A plan value in its unit: shares as percentages, per-100 and Mbit/s as numbers. */
export function formatTargetValue(value: number | null, unit: 'share' | 'per100' | 'mbps', locale: Locale): string {
  if (value === null) return '—';
  if (unit === 'share') return formatPercent(value, locale);
  if (unit === 'mbps') return `${formatNumber(value, locale, 1)} Mbit/s`;
  return formatNumber(value, locale, 1);
}

/**
 * An ISO calendar date (`2024-12-31`) in the locale's order: `31/12/2024` in Vietnamese. Anything that is
 * not such a date is returned unchanged. Read as UTC so the day never shifts with the time zone.
 */
export function formatIsoDate(text: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return text;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.getUTCDate() !== Number(match[3])) return text;
  return dateFormat(locale).format(date);
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** One formatter per locale: making an `Intl.DateTimeFormat` costs far more than using one (a table of dates made one per cell). */
function dateFormat(locale: Locale): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
    dateFormats.set(locale, format);
  }
  return format;
}

/**
 * A coordinate or a projected number without thousands grouping, in the locale's decimal mark: `105,97123` /
 * `105.97123`; `minimumFractionDigits` pads (`9,200000`).
 */
export function formatCoordinate(value: number, locale: Locale, fractionDigits = 6, minimumFractionDigits = 0): string {
  const key = `${locale}:coordinate:${fractionDigits}:${minimumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: fractionDigits, minimumFractionDigits, useGrouping: false });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * A WGS84 position for reading: `9,57132° B, 105,97123° Đ` in Vietnamese (Bắc, Đông), `9.57132° N, 105.97123° E`
 * in English; south and west latitudes and longitudes get N/S or E/W accordingly.
 */
export function formatLatLng(lat: number, lng: number, locale: Locale, fractionDigits = 5, minimumFractionDigits = 0): string {
  const [north, south, east, west] = locale === 'vi' ? ['B', 'N', 'Đ', 'T'] : ['N', 'S', 'E', 'W'];
  const fixed = (value: number) => formatCoordinate(Number(Math.abs(value).toFixed(fractionDigits)), locale, fractionDigits, minimumFractionDigits);
  return `${fixed(lat)}° ${lat >= 0 ? north : south}, ${fixed(lng)}° ${lng >= 0 ? east : west}`;
}
