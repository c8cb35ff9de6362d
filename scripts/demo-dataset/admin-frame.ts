/**
 * The real administrative frame of the demo dataset: Sóc Trăng's 108 commune-level units (GSO
 * list of 1 March 2025: name, code, type, district), their 2019 census households and population,
 * and the unit of Thành phố Cần Thơ each became part of on 1 July 2025. Names, codes and numbers
 * only — never a boundary. {@link buildAdminFrame} derives it from the public reference tables;
 * `soc-trang-frame.ts` is its committed output (`npx tsx scripts/build-admin-frame.ts`).
 */
import Papa from 'papaparse';

/** Level of a commune-level unit before July 2025. */
export type CommuneType = 'Xã' | 'Phường' | 'Thị trấn';

/** One commune-level unit of the frame. */
export interface FrameCommune {
  /** GSO code (5 digits). */
  code: string;
  /** Full name with its prefix, e.g. `Xã An Lạc Tây`. */
  name: string;
  type: CommuneType;
  districtCode: string;
  districtName: string;
  /** Census 2019 (1 April) households of the unit's area. */
  households: number;
  /** Census 2019 population of the unit's area. */
  population: number;
  /** The census 2019 units whose figures these are: the unit's own code, or several when units merged after 2019. */
  censusCodes: string[];
  /** The unit it became part of on 1 July 2025 (Thành phố Cần Thơ). */
  newCode: string;
  newName: string;
}

/** The public reference tables, as CSV texts (see the folder's SOURCES.md). */
export interface ReferenceTables {
  /** `admin-units-2025-03.csv`: level,code,name,type,district_code,district_name */
  adminUnits: string;
  /** `census-2019.csv`: level,code,district_code,district_name,commune_name,population,…,households,… */
  census: string;
  /** `merger-2025-07.csv`: old_code,old_name,new_code,new_name,new_province */
  merger: string;
}

/**
 * Census 2019 units that no longer exist in the 2025 list, and the unit that now covers their
 * area: Phường 1 (31513) and Phường 9 (31522) of TP Sóc Trăng merged in 2024 into a new Phường 1
 * that kept code 31522. Its census figures are the sum of the two.
 */
export const CENSUS_SUCCESSORS: ReadonlyMap<string, string> = new Map([['31513', '31522']]);

/** A row of the merger table that the merger resolution contradicts, and what it says instead. */
export interface MergerCorrection {
  oldCode: string;
  /** The unit the reference table wrongly names. */
  wrongNewCode: string;
  /** The unit the resolution names. */
  newCode: string;
  newName: string;
  /** Why, with the article of Resolution 1668/NQ-UBTVQH15 (16 June 2025). */
  reason: string;
}

/**
 * Two rows of the reference merger table are name collisions with units of the former Cần Thơ
 * city; Resolution 1668/NQ-UBTVQH15 (on the communes of the new Thành phố Cần Thơ) says otherwise.
 * A correction is applied only while the reference table still has the wrong row.
 */
export const MERGER_CORRECTIONS: readonly MergerCorrection[] = [
  {
    oldCode: '31588',
    wrongNewCode: '31201',
    newCode: '31579',
    newName: 'Xã Long Hưng',
    reason: 'Art. 1(83): all of xã Hưng Phú and xã Long Hưng (Mỹ Tú) form xã Long Hưng; phường Hưng Phú (31201) is formed in Cái Răng (Art. 1(9))',
  },
  {
    oldCode: '31771',
    wrongNewCode: '31232',
    newCode: '31777',
    newName: 'Xã Vĩnh Lợi',
    reason: 'Art. 1(87): xã Châu Hưng, Vĩnh Thành and Vĩnh Lợi (Thạnh Trị) form xã Vĩnh Lợi; xã Vĩnh Thạnh (31232) is formed in the former Vĩnh Thạnh district (Art. 1(40))',
  },
];

type Row = Record<string, string>;

function readCsv(text: string, label: string, columns: string[]): Row[] {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const missing = columns.filter((column) => !(parsed.meta.fields ?? []).includes(column));
  if (missing.length > 0) throw new Error(`${label}: missing column(s) ${missing.join(', ')}`);
  return parsed.data;
}

/** The GSO list writes one name with a double space (`Xã Đại Ân  2`). */
function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function toCount(value: string, where: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new Error(`${where}: not a count: "${value}"`);
  return count;
}

function asCommuneType(value: string, where: string): CommuneType {
  if (value === 'Xã' || value === 'Phường' || value === 'Thị trấn') return value;
  throw new Error(`${where}: unknown commune type "${value}"`);
}

/**
 * Builds the frame from the reference tables: every commune of the 2025 list with its census
 * figures (summed over {@link CENSUS_SUCCESSORS}) and its post-merger unit (after
 * {@link MERGER_CORRECTIONS}). Checks that every census commune and every list commune is
 * accounted for exactly once.
 * @param tables the three reference CSV texts
 * @returns the communes ordered as in the GSO list (by district, then code)
 * @throws when a table lacks a column, a unit has no census row or no single merger row, or names disagree
 * @example buildAdminFrame({ adminUnits, census, merger }).length // 108
 */
export function buildAdminFrame(tables: ReferenceTables): FrameCommune[] {
  const units = readCsv(tables.adminUnits, 'admin units', ['level', 'code', 'name', 'type', 'district_code', 'district_name']).filter(
    (row) => row.level === 'commune',
  );
  const codes = new Set(units.map((row) => row.code));
  if (codes.size !== units.length) throw new Error('admin units: repeated commune code');

  const census = new Map<string, { households: number; population: number; codes: string[] }>();
  for (const row of readCsv(tables.census, 'census', ['level', 'code', 'population', 'households'])) {
    if (row.level !== 'commune') continue;
    const holder = codes.has(row.code) ? row.code : CENSUS_SUCCESSORS.get(row.code);
    if (holder === undefined || !codes.has(holder)) throw new Error(`census: commune ${row.code} is in no unit of the 2025 list`);
    const entry = census.get(holder) ?? { households: 0, population: 0, codes: [] };
    entry.households += toCount(row.households, `census ${row.code}`);
    entry.population += toCount(row.population, `census ${row.code}`);
    entry.codes.push(row.code);
    census.set(holder, entry);
  }

  const merger = new Map<string, { newCode: string; newName: string }[]>();
  for (const row of readCsv(tables.merger, 'merger', ['old_code', 'old_name', 'new_code', 'new_name'])) {
    const isWrong = MERGER_CORRECTIONS.some((fix) => fix.oldCode === row.old_code && fix.wrongNewCode === row.new_code);
    const list = merger.get(row.old_code) ?? [];
    if (!isWrong) list.push({ newCode: row.new_code, newName: cleanName(row.new_name) });
    merger.set(row.old_code, list);
    const unit = units.find((candidate) => candidate.code === row.old_code);
    if (unit && cleanName(unit.name) !== cleanName(row.old_name)) throw new Error(`merger: ${row.old_code} is "${row.old_name}", the list says "${unit.name}"`);
  }
  for (const fix of MERGER_CORRECTIONS) {
    const list = merger.get(fix.oldCode) ?? [];
    if (!list.some((entry) => entry.newCode === fix.newCode)) list.push({ newCode: fix.newCode, newName: fix.newName });
    merger.set(fix.oldCode, list);
  }

  return units.map((row) => {
    const where = `commune ${row.code}`;
    const figures = census.get(row.code);
    if (!figures) throw new Error(`${where}: no census row`);
    const merged = merger.get(row.code) ?? [];
    if (merged.length !== 1) throw new Error(`${where}: ${merged.length} merger rows, expected 1`);
    return {
      code: row.code,
      name: cleanName(row.name),
      type: asCommuneType(row.type, where),
      districtCode: row.district_code,
      districtName: cleanName(row.district_name),
      households: figures.households,
      population: figures.population,
      censusCodes: figures.codes.slice().sort(),
      newCode: merged[0].newCode,
      newName: merged[0].newName,
    };
  });
}

/**
 * The frame as the TypeScript module committed next to the generator (one unit per line).
 * @param communes output of {@link buildAdminFrame}
 * @returns the module text, ending with a newline
 * @example formatAdminFrameModule(buildAdminFrame(tables))
 */
export function formatAdminFrameModule(communes: FrameCommune[]): string {
  const lines = communes.map((commune) => `  ${JSON.stringify(commune)},`);
  return [
    '// Generated by scripts/build-admin-frame.ts from the public reference tables (GSO unit list of',
    '// 1 March 2025, census 2019, Resolution 1668/NQ-UBTVQH15 merger); do not edit by hand.',
    "import type { FrameCommune } from './admin-frame';",
    '',
    '/** Sóc Trăng\'s 108 commune-level units: names, GSO codes, census 2019 figures and their unit from 1 July 2025. */',
    'export const SOC_TRANG_COMMUNES: readonly FrameCommune[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}
