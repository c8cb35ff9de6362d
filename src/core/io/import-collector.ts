import { listOf, type Message, type MessageCode, type MessageParam, type MessageParams } from '../messages';
import type { ImportResult, SkippedItem, Warning, WarningPlaces } from '../types';

const LISTED_PLACES = 3;
/** Distinct values a merged warning quotes (it counts them all). */
const LISTED_VALUES = 5;

interface WarningGroup {
  code: MessageCode;
  params: MessageParams;
  count: number;
  first: string[];
  /** Distinct `value` parameters, when the warnings carried one. */
  values: Set<string | number> | null;
}

/**
 * Merges warnings about single places: warnings of one code and the same parameters (apart from
 * `value` and `cells`, the row's own data) become one that counts its places and quotes the first few, and the distinct values (the
 * first few, and how many).
 * @example
 * const merger = new WarningMerger();
 * merger.add(message('swapped-coordinates'), 'a.csv:1');
 * merger.add(message('swapped-coordinates'), 'a.csv:2');
 * merger.list('rows'); // [{ code: 'swapped-coordinates', params: {}, where: 'a.csv:1', places: { count: 2, first: ['a.csv:1', 'a.csv:2'], noun: 'rows' } }]
 */
export class WarningMerger {
  private readonly groups = new Map<string, WarningGroup>();

  /** Adds one warning about one place. */
  add(warning: Message, where: string): void {
    // `value` and `cells` are the row's own data: they do not split a group (the first row's cells are quoted).
    const { value, cells: _cells, ...rest } = warning.params;
    const key = `${warning.code}\u0000${stableKey(rest)}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { code: warning.code, params: warning.params, count: 0, first: [], values: value === undefined ? null : new Set() };
      this.groups.set(key, group);
    }
    group.count += 1;
    if (group.first.length < LISTED_PLACES) group.first.push(where);
    if (group.values !== null && (typeof value === 'string' || typeof value === 'number')) group.values.add(value);
  }

  /** The merged warnings, in the order their codes first appeared. */
  list(noun: WarningPlaces['noun']): Warning[] {
    const merged: Warning[] = [];
    for (const { code, params, count, first, values } of this.groups.values()) {
      let mergedParams: MessageParams = params;
      if (values !== null && values.size > 1) mergedParams = { ...params, value: listOf(values, { quoted: true, max: LISTED_VALUES }) };
      const warning: Warning = { code, params: mergedParams, where: first[0] };
      if (count > 1) warning.places = { count, first, noun };
      merged.push(warning);
    }
    return merged;
  }
}

/**
 * Accumulates what a parser used, skipped and warned about, and builds its {@link ImportResult}.
 * Warnings with the same code and parameters (apart from `value`) are merged into one that counts its
 * places and quotes the first few, and the distinct values (the first few, and how many): a file with
 * 500 swapped rows gives one warning, and 100,000 unknown technology tokens one warning, not 100,000.
 * @example
 * const collector = new ImportCollector<string>('rows');
 * collector.use('a');
 * collector.skip('f.csv:2', message('missing-operator', { at: message('in-column', { column: 'nha_mang' }) }));
 * collector.finish(); // { items: ['a'], rowsRead: 2, rowsUsed: 1, skipped: [...], warnings: [] }
 */
export class ImportCollector<T> {
  private readonly items: T[] = [];
  private readonly skipped: SkippedItem[] = [];
  private readonly merger = new WarningMerger();
  private readonly plainWarnings: Warning[] = [];

  /** @param placeNoun what one place is called in merged warnings: `rows` or `features` */
  constructor(private readonly placeNoun: WarningPlaces['noun']) {}

  /** Records one usable item. */
  use(item: T): void {
    this.items.push(item);
  }

  /** How many items were used so far. */
  count(): number {
    return this.items.length;
  }

  /** Records one unusable row or feature, with its reason and any further ones. */
  skip(where: string, reason: Message, also: readonly Message[] = []): void {
    this.skipped.push({ where, code: reason.code, params: reason.params, ...(also.length === 0 ? {} : { also }) });
  }

  /** Records a warning about one place; warnings of one code and the same other parameters are merged. */
  warn(warning: Message, where: string): void {
    this.merger.add(warning, where);
  }

  /** Records a warning about the input as a whole, or one that is already counted. */
  warnOnce(warning: Warning): void {
    this.plainWarnings.push(warning);
  }

  /** The result so far; `rowsRead` = used + skipped. */
  finish(): ImportResult<T> {
    const merged = this.merger.list(this.placeNoun);
    return {
      items: this.items.slice(),
      rowsRead: this.items.length + this.skipped.length,
      rowsUsed: this.items.length,
      skipped: this.skipped.slice(),
      warnings: [...this.plainWarnings, ...merged],
    };
  }
}

/** A key for parameters that is the same for equal parameters whatever their order. */
function stableKey(params: Readonly<Record<string, MessageParam>>): string {
  return JSON.stringify(Object.keys(params).sort().map((name) => [name, params[name]]));
}

