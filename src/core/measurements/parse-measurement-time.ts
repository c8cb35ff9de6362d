/** Vietnam's offset from UTC, minutes: times written without a zone are Vietnam time. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T_]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?\s*(AM|PM|SA|CH)?)?$/i;
const EPOCH_SECONDS = /^\d{9,10}(?:\.\d+)?$/;
const EPOCH_MILLISECONDS = /^\d{12,13}$/;
const EXCEL_SERIAL = /^\d{5}(?:[.,]\d+)?$/;

/** Milliseconds since 1970 of a wall-clock time at an offset from UTC, or null when it does not exist. */
function fromParts(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: number, offsetMinutes: number): number | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  // 31 February rolls over into March: refuse it.
  if (new Date(utc).getUTCDate() !== day) return null;
  return utc + fraction - offsetMinutes * 60000;
}

function zoneMinutes(zone: string | undefined, fallback: number): number {
  if (zone === undefined) return fallback;
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (match === null) return fallback;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/**
 * Reads the time of a test as exports write it: ISO 8601 (`2025-03-14T08:31:22+07:00`,
 * `2025-03-14 08:31:22`, with `Z` or an offset), G-NetTrack's `2025.03.14_08.31.22`, Vietnamese
 * day-first dates (`14/03/2025 8:31`, `14/03/2025 08:31 CH`; month-first only when the day cannot be
 * a month, `03/14/2025`), Unix seconds or milliseconds, and Excel serial days (`45730.35`). A time
 * without a zone is wall-clock time at `defaultOffsetMinutes` (Vietnam time unless the format says
 * otherwise: RTR/NetMetr open data is UTC).
 * @param raw the cell as written (text or a number)
 * @param defaultOffsetMinutes offset from UTC of times written without a zone, minutes
 * @returns milliseconds since 1970-01-01 UTC, or null when the text is not a time (or not between
 *   1990 and 2100)
 * @throws never
 * @example parseMeasurementTime('2025.03.14_08.31.22', 420) // Date.UTC(2025, 2, 14, 1, 31, 22)
 * @example parseMeasurementTime('14/03/2025 8:31 CH', 420) // Date.UTC(2025, 2, 14, 13, 31)
 */
export function parseMeasurementTime(raw: unknown, defaultOffsetMinutes: number = VIETNAM_OFFSET_MINUTES): number | null {
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : typeof raw === 'string' ? raw.trim() : '';
  if (text === '' || text.length > 40) return null;
  const iso = ISO.exec(text);
  if (iso !== null) {
    const fraction = iso[7] === undefined ? 0 : Math.round(Number(`0.${iso[7]}`) * 1000);
    return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0), fraction, zoneMinutes(iso[8], defaultOffsetMinutes));
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst !== null) {
    let [day, month] = [Number(dayFirst[1]), Number(dayFirst[2])];
    if (month > 12 && day <= 12) [day, month] = [month, day];
    let hour = Number(dayFirst[4] ?? 0);
    const half = dayFirst[7]?.toUpperCase();
    if (half !== undefined) {
      if (hour < 1 || hour > 12) return null;
      const isAfternoon = half === 'PM' || half === 'CH';
      hour = (hour % 12) + (isAfternoon ? 12 : 0);
    }
    return fromParts(Number(dayFirst[3]), month, day, hour, Number(dayFirst[5] ?? 0), Number(dayFirst[6] ?? 0), 0, defaultOffsetMinutes);
  }
  if (EPOCH_MILLISECONDS.test(text)) return inYears(Number(text));
  if (EPOCH_SECONDS.test(text)) return inYears(Math.round(Number(text) * 1000));
  if (EXCEL_SERIAL.test(text)) {
    // Days since 1899-12-30 in wall-clock time (Excel's day 60 bug is before 1990).
    const days = Number(text.replace(',', '.'));
    const wallClock = Date.UTC(1899, 11, 30) + Math.round(days * 86400000);
    return inYears(wallClock - defaultOffsetMinutes * 60000);
  }
  return null;
}

function inYears(timeMs: number): number | null {
  return timeMs >= Date.UTC(1990, 0, 1) && timeMs < Date.UTC(2100, 0, 1) ? timeMs : null;
}
