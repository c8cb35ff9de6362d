import { parseLocaleNumber } from './parse-number';

const HEMISPHERE_SIGN: Record<string, number> = { N: 1, S: -1, E: 1, W: -1, 'Đ': 1, B: 1 };
// degrees, then optional minutes and seconds, each with its mark (° ' ″, d m s) or separated by spaces or colons.
const DMS = /^([NSEWĐB])?\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:°|º|˚|d|deg|:|\s)\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:'|′|’|m|min|:|\s)?\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:"|″|”|''|′′|s|sec)?)?)?\s*([NSEWĐB])?$/i;

/**
 * Reads one coordinate in decimal degrees or degrees-minutes-seconds, as Vietnamese site lists write
 * them: `105,9712`, `105.9712`, `105°58'12"E`, `105° 58′ 12,5″ Đ`, `9°36'N`, `N 9°36'12"`, `105 58 12.5`,
 * `105:58:12`, `105d58m12s`, `9.6 N`. A trailing or leading hemisphere letter (N, S, E, W; Vietnamese Đ = east,
 * B = north) sets the sign (S and W negative). Minutes and seconds must be below 60. Plain numbers go
 * through `parseLocaleNumber` with decimal reading of a lone separator (`9,603` = 9.603).
 * @param raw the cell (a finite number is returned as is)
 * @returns degrees, or `null` when the text is neither a number nor a DMS coordinate
 * @throws never
 * @example parseCoordinate('105°58\'12"E') // 105.97
 * @example parseCoordinate('9°36\'S') // -9.6
 */
export function parseCoordinate(raw: unknown): number | null {
  const plain = parseLocaleNumber(raw, { ambiguousSeparator: 'decimal' });
  if (plain !== null || typeof raw !== 'string') return plain;
  const text = raw.trim().replace(/\s+/g, ' ');
  const negative = text.startsWith('-') || text.startsWith('\u2212');
  const match = DMS.exec(negative ? text.slice(1).trim() : text);
  if (match === null) return null;
  const [, leading, degreesText, minutesText, secondsText, trailing] = match;
  if (leading !== undefined && trailing !== undefined) return null;
  if (minutesText === undefined && secondsText === undefined && leading === undefined && trailing === undefined && !/[°º˚d]/i.test(text)) return null;
  const number = (part: string | undefined): number => (part === undefined ? 0 : Number(part.replace(',', '.')));
  const degrees = number(degreesText);
  const minutes = number(minutesText);
  const seconds = number(secondsText);
  if (minutes >= 60 || seconds >= 60) return null;
  const hemisphere = (leading ?? trailing)?.toUpperCase();
  const sign = (negative ? -1 : 1) * (hemisphere === undefined ? 1 : HEMISPHERE_SIGN[hemisphere] ?? HEMISPHERE_SIGN[hemisphere.normalize('NFC')] ?? 1);
  if (negative && hemisphere !== undefined && HEMISPHERE_SIGN[hemisphere] === -1) return null;
  const value = sign * (degrees + minutes / 60 + seconds / 3600);
  return Number.isFinite(value) ? value : null;
}
