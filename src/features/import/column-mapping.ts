import { BTS_COLUMN_ALIASES, DEFAULT_CONFIG, FIBRE_COLUMN_ALIASES, findColumn, HAMLET_LIST_COLUMN_ALIASES, INDICATOR_COLUMN_ALIASES, MERGER_COLUMN_ALIASES } from '../../core';

/** What a user can import: the engine's layers, the commune merger table and field measurements. */
export type ImportKind = 'hamlets' | 'sites' | 'fibre' | 'indicators' | 'merger' | 'measurements' | 'reference';

/** What the mapping step maps: an import kind, or a hamlet list (hamlets known by name and commune, no boundary). */
export type MappingKind = ImportKind | 'hamlet-list';

/**
 * Where the columns come from: a table's header (CSV, .xlsx), or a layer's attributes (Shapefile,
 * GeoPackage, MapInfo, GeoJSON…), whose coordinates are its geometry.
 */
export type ColumnSource = 'table' | 'layer';

/** A field the column-mapping step can ask for (its label is `import.field.<field>`). */
export type MappedField = 'operator' | 'lng' | 'lat' | 'technologies' | 'indicator' | 'value' | 'oldCode' | 'newName' | 'name' | 'commune' | 'district';

export interface RequiredColumn {
  field: MappedField;
  aliases: readonly string[];
  /** When set, the requirement is met if this other field is found instead (old code or old name). */
  orField?: 'oldName' | 'newCode' | 'communeCode';
  /**
   * A field the layer may lack: it is offered when the step is shown, but its absence alone does not
   * stop the import (a fibre point without an operator counts for every operator, and is left out when
   * the analysis is filtered by operator).
   */
  optional?: true;
}

const HAMLET_LABELS: RequiredColumn[] = (['name', 'commune', 'district'] as const).map((field) => ({ field, aliases: DEFAULT_CONFIG.fields[field] }));

const TABLE_COLUMNS: Record<MappingKind, RequiredColumn[]> = {
  sites: [
    { field: 'operator', aliases: BTS_COLUMN_ALIASES.operator },
    { field: 'lng', aliases: BTS_COLUMN_ALIASES.lng },
    { field: 'lat', aliases: BTS_COLUMN_ALIASES.lat },
    { field: 'technologies', aliases: BTS_COLUMN_ALIASES.technologies },
  ],
  fibre: [
    { field: 'lng', aliases: FIBRE_COLUMN_ALIASES.lng },
    { field: 'lat', aliases: FIBRE_COLUMN_ALIASES.lat },
    { field: 'operator', aliases: FIBRE_COLUMN_ALIASES.operator, optional: true },
  ],
  indicators: [
    { field: 'indicator', aliases: INDICATOR_COLUMN_ALIASES.indicator },
    { field: 'value', aliases: INDICATOR_COLUMN_ALIASES.value },
  ],
  merger: [
    { field: 'oldCode', aliases: MERGER_COLUMN_ALIASES.oldCode, orField: 'oldName' },
    { field: 'newName', aliases: MERGER_COLUMN_ALIASES.newName, orField: 'newCode' },
  ],
  'hamlet-list': [
    { field: 'name', aliases: HAMLET_LIST_COLUMN_ALIASES.name },
    { field: 'commune', aliases: HAMLET_LIST_COLUMN_ALIASES.commune, orField: 'communeCode' },
  ],
  // Hamlets are polygons, not tables; measurement exports are recognised by their whole header.
  hamlets: [],
  measurements: [],
  // A reference layer is shapes with any attributes: nothing is required.
  reference: [],
};

// A layer's coordinates are its geometry: only its attributes are mapped.
const LAYER_COLUMNS: Record<MappingKind, RequiredColumn[]> = {
  hamlets: HAMLET_LABELS,
  sites: TABLE_COLUMNS.sites.filter((column) => column.field !== 'lng' && column.field !== 'lat'),
  fibre: [{ field: 'operator', aliases: FIBRE_COLUMN_ALIASES.operator, optional: true }],
  'hamlet-list': TABLE_COLUMNS['hamlet-list'],
  indicators: [],
  merger: [],
  measurements: [],
  reference: [],
};

const OR_FIELDS: Record<NonNullable<RequiredColumn['orField']>, readonly string[]> = { oldName: MERGER_COLUMN_ALIASES.oldName, newCode: MERGER_COLUMN_ALIASES.newCode, communeCode: HAMLET_LIST_COLUMN_ALIASES.communeCode };

/**
 * The columns the mapping step asks for, in order: a table's (coordinates included), or a layer's
 * attributes (a hamlet's name, commune, district; a site's operator and technologies; a fibre point's operator).
 */
export function requiredColumnsOf(kind: MappingKind, source: ColumnSource = 'table'): RequiredColumn[] {
  return (source === 'table' ? TABLE_COLUMNS : LAYER_COLUMNS)[kind];
}

/**
 * The required columns that no header matches (an `orField` found in its place meets the requirement);
 * an optional field is never missing.
 */
export function findMissingColumns(kind: MappingKind, headers: readonly string[], source: ColumnSource = 'table'): RequiredColumn[] {
  return requiredColumnsOf(kind, source).filter((column) => {
    if (column.optional) return false;
    if (findColumn(headers, column.aliases) !== undefined) return false;
    return !(column.orField && findColumn(headers, OR_FIELDS[column.orField]) !== undefined);
  });
}
