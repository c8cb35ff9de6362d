import Papa from 'papaparse';
import { BTS_COLUMN_ALIASES, DEFAULT_CONFIG, FIBRE_COLUMN_ALIASES, findColumn, INDICATOR_COLUMN_ALIASES, MERGER_COLUMN_ALIASES, parseCsvTable, type FieldMapping } from '../../core';

/** What a user can import: the engine's layers, the commune merger table and field measurements. */
export type ImportKind = 'hamlets' | 'sites' | 'fibre' | 'indicators' | 'merger' | 'measurements';

/** A column a CSV of this kind needs; `aliases[0]` is the name a mapped column is renamed to. */
/** A field the column-mapping step can ask for (its label is `import.field.<field>`). */
export type MappedField = 'operator' | 'lng' | 'lat' | 'technologies' | 'indicator' | 'value' | 'oldCode' | 'newName' | 'name' | 'commune' | 'district';

export interface RequiredColumn {
  field: MappedField;
  aliases: readonly string[];
  /** When set, the requirement is met if this other field is found instead (old code or old name). */
  orField?: string;
}

const REQUIRED: Record<Exclude<ImportKind, 'hamlets'>, RequiredColumn[]> = {
  sites: [
    { field: 'operator', aliases: BTS_COLUMN_ALIASES.operator },
    { field: 'lng', aliases: BTS_COLUMN_ALIASES.lng },
    { field: 'lat', aliases: BTS_COLUMN_ALIASES.lat },
    { field: 'technologies', aliases: BTS_COLUMN_ALIASES.technologies },
  ],
  fibre: [
    { field: 'lng', aliases: FIBRE_COLUMN_ALIASES.lng },
    { field: 'lat', aliases: FIBRE_COLUMN_ALIASES.lat },
  ],
  indicators: [
    { field: 'indicator', aliases: INDICATOR_COLUMN_ALIASES.indicator },
    { field: 'value', aliases: INDICATOR_COLUMN_ALIASES.value },
  ],
  merger: [
    { field: 'oldCode', aliases: MERGER_COLUMN_ALIASES.oldCode, orField: 'oldName' },
    { field: 'newName', aliases: MERGER_COLUMN_ALIASES.newName, orField: 'newCode' },
  ],
  // Measurement exports are recognised by their whole header (and tiles carry no coordinate columns).
  measurements: [],
};

const OPTIONAL_FOR_OR: Record<string, readonly string[]> = { oldName: MERGER_COLUMN_ALIASES.oldName, newCode: MERGER_COLUMN_ALIASES.newCode };

/** The columns a table of `kind` needs, in the order the table step asks for them. */
export function requiredColumnsOf(kind: Exclude<ImportKind, 'hamlets'>): RequiredColumn[] {
  return REQUIRED[kind];
}

/** The required columns of a CSV of `kind` that no header matches (none for hamlets, which are GeoJSON). */
export function findMissingColumns(kind: ImportKind, headers: readonly string[]): RequiredColumn[] {
  if (kind === 'hamlets') return [];
  return REQUIRED[kind].filter((column) => {
    if (findColumn(headers, column.aliases) !== undefined) return false;
    return !(column.orField && findColumn(headers, OPTIONAL_FOR_OR[column.orField]) !== undefined);
  });
}

/** The header row of a CSV text (empty for an empty file). */
export function readCsvHeaders(text: string): string[] {
  try {
    return parseCsvTable(text, 'file').headers;
  } catch {
    return [];
  }
}

/**
 * Renames the chosen headers to each field's canonical name, so the core parsers recognise them.
 * `mapping` goes from field to the header as written in the file; the data rows are kept as they are.
 */
export function renameCsvHeaders(text: string, kind: ImportKind, mapping: Record<string, string>): string {
  if (kind === 'hamlets') return text;
  const table = parseCsvTable(text, 'file');
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: table.delimiter, skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const renamed = header.map((name) => {
    const column = REQUIRED[kind].find((required) => mapping[required.field] === name.trim());
    return column ? column.aliases[0] : name;
  });
  return Papa.unparse([renamed, ...rows], { delimiter: table.delimiter });
}

const HAMLET_REQUIRED: RequiredColumn[] = (['name', 'commune', 'district'] as const).map((field) => ({ field, aliases: DEFAULT_CONFIG.fields[field] }));
const SAMPLED_FEATURES = 50;

/**
 * The property keys of a hamlet GeoJSON (from its first features) and the label fields none of them
 * matches. Unreadable JSON gives no keys, and the parser then reports the problem itself.
 */
export function inspectHamletProperties(text: string): { headers: string[]; missing: RequiredColumn[] } {
  let features: unknown[] = [];
  try {
    const json = JSON.parse(text) as { features?: unknown };
    if (Array.isArray(json.features)) features = json.features.slice(0, SAMPLED_FEATURES);
  } catch {
    return { headers: [], missing: [] };
  }
  const keys = new Set<string>();
  for (const feature of features) {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    if (properties && typeof properties === 'object') Object.keys(properties).forEach((key) => keys.add(key));
  }
  const headers = [...keys];
  if (headers.length === 0) return { headers, missing: [] };
  return { headers, missing: HAMLET_REQUIRED.filter((column) => findColumn(headers, column.aliases) === undefined) };
}

/** The hamlet field mapping with the user's chosen property names tried first. */
export function buildHamletFields(mapping: Record<string, string>): FieldMapping {
  const fields = { ...DEFAULT_CONFIG.fields };
  for (const field of Object.keys(fields) as (keyof FieldMapping)[]) {
    if (mapping[field]) fields[field] = [mapping[field], ...fields[field]];
  }
  return fields;
}
