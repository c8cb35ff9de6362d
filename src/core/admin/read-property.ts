import { normalizeColumnName } from '../io/column-aliases';

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  return '';
}

/**
 * Reads feature properties by column names, ignoring case, diacritics and separators (`Mã xã`,
 * `MA_XA` and `ma_xa` are one name). Only own properties are read, so a property or a name such as
 * `__proto__` or `toString` is plain data. Normalised names are cached: the same keys repeat on every
 * feature of a layer.
 */
export class PropertyReader {
  private readonly normalized = new Map<string, string>();
  private readonly ranks = new WeakMap<readonly string[], Map<string, number>>();

  /** Normalised name → its place in `names` (the first place when two names normalise alike). */
  private ranksOf(names: readonly string[]): Map<string, number> {
    let ranks = this.ranks.get(names);
    if (!ranks) {
      ranks = new Map();
      names.forEach((name, rank) => {
        const key = this.normalize(name);
        if (!ranks!.has(key)) ranks!.set(key, rank);
      });
      this.ranks.set(names, ranks);
    }
    return ranks;
  }

  private normalize(name: string): string {
    let key = this.normalized.get(name);
    if (key === undefined) {
      key = normalizeColumnName(name);
      this.normalized.set(name, key);
    }
    return key;
  }

  /**
   * The first non-empty value among `names` (tried in order; exact names before loose matches), as
   * trimmed text; numbers are written in full (`31522`).
   * @param properties a feature's properties
   * @param names accepted property names, most specific first
   * @returns the text, or '' when none of the names has a value
   * @example new PropertyReader().read({ 'Mã xã': 31522 }, ['commune_code', 'ma_xa']) // '31522'
   */
  read(properties: Record<string, unknown>, names: readonly string[]): string {
    for (const name of names) {
      if (Object.hasOwn(properties, name)) {
        const text = textOf(properties[name]);
        if (text !== '') return text;
      }
    }
    // Loose matches: the earliest name wins, then the first property with that name.
    const ranks = this.ranksOf(names);
    let bestRank = names.length;
    let best = '';
    for (const key in properties) {
      if (!Object.hasOwn(properties, key)) continue;
      const rank = ranks.get(this.normalize(key));
      if (rank === undefined || rank >= bestRank) continue;
      const text = textOf(properties[key]);
      if (text === '') continue;
      bestRank = rank;
      best = text;
    }
    return best;
  }

  /**
   * The value of exactly one property (own properties only), as text.
   * @param properties a feature's properties
   * @param name the property name, as written
   * @returns the text, or ''
   * @example new PropertyReader().readExact({ vung: 'A' }, 'vung') // 'A'
   */
  readExact(properties: Record<string, unknown>, name: string): string {
    return Object.hasOwn(properties, name) ? textOf(properties[name]) : '';
  }
}
