import type { ImportResult, SkippedItem, Warning } from '../types';

const LISTED_PLACES = 3;

interface WarningGroup {
  code: string;
  message: string;
  places: string[];
}

/**
 * Accumulates what a parser used, skipped and warned about, and builds its {@link ImportResult}.
 * Warnings with the same code and message are merged into one that counts them and lists the first
 * places, so a file with 500 swapped rows gives one warning, not 500.
 * @example
 * const collector = new ImportCollector<string>('rows');
 * collector.use('a');
 * collector.skip('f.csv:2', 'missing operator (column "nha_mang")');
 * collector.finish(); // { items: ['a'], rowsRead: 2, rowsUsed: 1, skipped: [...], warnings: [] }
 */
export class ImportCollector<T> {
  private readonly items: T[] = [];
  private readonly skipped: SkippedItem[] = [];
  private readonly groups = new Map<string, WarningGroup>();
  private readonly plainWarnings: Warning[] = [];

  /** @param placeNoun what one place is called in merged warnings: `rows` or `features` */
  constructor(private readonly placeNoun: string) {}

  /** Records one usable item. */
  use(item: T): void {
    this.items.push(item);
  }

  /** How many items were used so far. */
  count(): number {
    return this.items.length;
  }

  /** Records one unusable row or feature. */
  skip(where: string, reason: string): void {
    this.skipped.push({ where, reason });
  }

  /** Records a warning about one place; identical code + message are merged. */
  warn(code: string, message: string, where: string): void {
    const key = `${code}\u0000${message}`;
    const group = this.groups.get(key);
    if (group === undefined) this.groups.set(key, { code, message, places: [where] });
    else group.places.push(where);
  }

  /** Records a warning about the input as a whole, or one that is already counted. */
  warnOnce(warning: Warning): void {
    this.plainWarnings.push(warning);
  }

  /** The result so far; `rowsRead` = used + skipped. */
  finish(): ImportResult<T> {
    const merged = [...this.groups.values()].map(({ code, message, places }): Warning => {
      if (places.length === 1) return { code, message, where: places[0] };
      const listed = places.slice(0, LISTED_PLACES).join(', ');
      const more = places.length > LISTED_PLACES ? ` and ${places.length - LISTED_PLACES} more` : '';
      return { code, message: `${message} (${places.length} ${this.placeNoun}: ${listed}${more})`, where: places[0] };
    });
    return {
      items: [...this.items],
      rowsRead: this.items.length + this.skipped.length,
      rowsUsed: this.items.length,
      skipped: [...this.skipped],
      warnings: [...this.plainWarnings, ...merged],
    };
  }
}
