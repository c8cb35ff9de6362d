// The tables `analyze` and `report` both apply to the hamlets read: a household table joined by code
// (`--join`, `--join-key`) and the July 2025 merger table (`--merger`), so a report on the same
// inputs as an analysis has the same households and post-2025 communes. Node only.
import { basename } from 'node:path';
import { applyMergerTable, decodeText, joinHouseholdTable, parseMergerCsv, type Hamlet, type Warning } from '../../src/core/index';
import { formatSkipped, formatWarning } from '../../src/i18n/format-message';
import { locale, log, say } from './cli-common';
import { CliError, readBytes } from './read-inputs';

/** The flags of the hamlet tables, for `parseArgs`. */
export const HAMLET_TABLE_OPTIONS = {
  merger: { type: 'string' },
  join: { type: 'string' },
  'join-key': { type: 'string' },
} as const;

/** The hamlet tables' flags as parsed. */
export interface HamletTableValues {
  merger?: string;
  join?: string;
  'join-key'?: string;
}

/**
 * Joins the household table and applies the merger table named by the flags, in that order.
 * @param values the parsed flags
 * @param hamlets the hamlets read
 * @param warnings the run's warnings; the join's are added (and logged)
 * @returns the hamlets with the tables applied (the same list without either flag)
 */
export function applyHamletTables(values: HamletTableValues, hamlets: Hamlet[], warnings: Warning[]): Hamlet[] {
  let result = hamlets;
  if (values.join) {
    const joined = joinHouseholdTable(result, decodeText(readBytes(values.join, 'indicators'), basename(values.join)).text, basename(values.join), values['join-key'] ?? 'code');
    result = joined.hamlets;
    for (const warning of joined.warnings) {
      warnings.push(warning);
      log(say('cli.warning', { text: formatWarning(locale, warning) }));
    }
  }
  if (values.merger) {
    const merger = parseMergerCsv(decodeText(readBytes(values.merger, 'indicators'), basename(values.merger)).text, basename(values.merger));
    if (merger.items.length === 0) throw new CliError('cli.merger.noRows', { file: values.merger });
    for (const item of merger.skipped) log(say('cli.skipped', { where: item.where, reason: formatSkipped(locale, item) }));
    result = applyMergerTable(result, merger.items);
  }
  return result;
}
