import { listOf } from '../messages';
import type { Hamlet, Warning } from '../types';
import { findColumn } from './column-aliases';
import { parseCsvTable } from './parse-csv-table';
import { parseLocaleNumber } from './parse-number';
import { readOwn } from './read-cell';

/**
 * Joins households and population from a statistics table (e.g. the 2019 census by GSO code) onto
 * hamlets: a row matches a hamlet whose `id`, or whose property `key`, equals the row's `key` cell.
 * @param hamlets the hamlets (not modified)
 * @param csvText the table: a `key` column plus `households`/`so_ho` and/or `population`/`dan_so`
 * @param file the table's name, for messages
 * @param key the column (and hamlet property) to join on, e.g. `code`
 * @returns new hamlets with the joined figures, and warnings for hamlets without a row
 * @throws CoverageInputError when the table has no `key` column or is empty
 * @example joinHouseholdTable(hamlets, 'code,households\n941,35818', 'census.csv', 'code')
 */
export function joinHouseholdTable(hamlets: Hamlet[], csvText: string, file: string, key: string): { hamlets: Hamlet[]; warnings: Warning[] } {
  const table = parseCsvTable(csvText, file);
  const keyColumn = findColumn(table.headers, [key]);
  const householdColumn = findColumn(table.headers, ['households', 'so_ho', 'ho']);
  const populationColumn = findColumn(table.headers, ['population', 'dan_so', 'so_dan']);
  const warnings: Warning[] = [...table.warnings];
  if (!keyColumn || (!householdColumn && !populationColumn)) {
    warnings.push({ code: 'join-columns-missing', params: { file, key }, where: file });
    return { hamlets, warnings };
  }
  const rowByKey = new Map(table.rows.map((row) => [row[keyColumn].trim(), row]));
  const unmatched: string[] = [];
  const joined = hamlets.map((hamlet) => {
    const value = readOwn(hamlet.properties, key);
    const row = rowByKey.get(String(value ?? hamlet.id).trim()) ?? rowByKey.get(hamlet.id);
    if (!row) {
      unmatched.push(hamlet.id);
      return hamlet;
    }
    const households = householdColumn ? parseLocaleNumber(row[householdColumn], { ambiguousSeparator: 'thousands' }) : null;
    const population = populationColumn ? parseLocaleNumber(row[populationColumn], { ambiguousSeparator: 'thousands' }) : null;
    return { ...hamlet, ...(households !== null ? { households } : {}), ...(population !== null ? { population } : {}) };
  });
  if (unmatched.length > 0) {
    warnings.push({ code: 'join-unmatched', params: { count: unmatched.length, file, key, hamlets: listOf(unmatched, { quoted: false }) }, where: file });
  }
  return { hamlets: joined, warnings };
}
