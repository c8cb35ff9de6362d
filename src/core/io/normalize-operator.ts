import { SHARED_TOWER_OPERATOR } from '../types';
import { normalizeColumnName } from './column-aliases';

/** The operator names the engine uses, with the spellings found in site lists. */
// Mobile networks also by their MCC-MNC code (452 = Viet Nam), as drive-test and speed-test exports
// name them (`452-04`, `45204`, `452 04`), and by the network names phones show.
export const OPERATOR_ALIASES: Readonly<Record<string, readonly string[]>> = {
  Viettel: ['viettel', 'vtl', 'viettel telecom', 'viettel mobile', '452-04'],
  VinaPhone: ['vinaphone', 'vnpt', 'vnpt vinaphone', 'vina', 'vn vinaphone', '452-02'],
  MobiFone: ['mobifone', 'mobi', 'mbf', 'vn mobifone', '452-01'],
  Vietnamobile: ['vietnamobile', 'vnmb', 'vnm', '452-05'],
  Gmobile: ['gmobile', 'beeline', '452-07'],
  // Fixed-line (FTTH) providers that own access points but no mobile network.
  FPT: ['fpt', 'fpt telecom'],
  SCTV: ['sctv'],
  CMC: ['cmc', 'cmc telecom'],
};

/** Spellings of a proposed shared tower that no operator is named for yet (not an operator itself). */
const SHARED_TOWER_ALIASES = ['dung chung', 'tram dung chung', 'shared', 'shared tower'];

const NAME_BY_KEY = new Map<string, string>([
  ...Object.entries(OPERATOR_ALIASES).flatMap(([name, aliases]) => aliases.map((alias): [string, string] => [normalizeColumnName(alias), name])),
  ...SHARED_TOWER_ALIASES.map((alias): [string, string] => [normalizeColumnName(alias), SHARED_TOWER_OPERATOR]),
]);

/** An operator name after {@link normalizeOperator}. */
export interface NormalizedOperator {
  /** The canonical name (`Viettel`), or the input trimmed when the operator is not known. */
  name: string;
  /** Whether `name` is one of the canonical names of {@link OPERATOR_ALIASES}. */
  known: boolean;
}

/**
 * Maps the many spellings of an operator to one name. Case, Vietnamese diacritics, spaces, hyphens and
 * underscores are ignored (`VNPT-Vinaphone`, `vnpt vinaphone`, `VINA` → `VinaPhone`). `Dùng chung`
 * (`shared`) is a proposed shared tower, `SHARED_TOWER_OPERATOR`, and counts as known.
 * @param raw the operator as written in the input
 * @returns the canonical name and `known: true`, or the trimmed input and `known: false` (the caller
 *   warns with code `unknown-operator`); an empty input gives `{ name: '', known: false }`
 * @throws never
 * @example normalizeOperator(' MBF ') // { name: 'MobiFone', known: true }
 * @example normalizeOperator('Công ty ABC') // { name: 'Công ty ABC', known: false }
 */
export function normalizeOperator(raw: string): NormalizedOperator {
  const name = NAME_BY_KEY.get(normalizeColumnName(raw));
  return name === undefined ? { name: raw.trim(), known: false } : { name, known: true };
}
