/**
 * Column names of the CSV / GeoJSON inputs and how headers are matched against them.
 */

/** Accepted column names of a BTS site list, per field, in order of preference. */
export const BTS_COLUMN_ALIASES = {
  siteId: ['site_id', 'ma_tram', 'ma_tram_bts', 'site', 'id'],
  operator: ['operator', 'nha_mang', 'nha_cung_cap', 'doanh_nghiep'],
  // X / Y as surveyors write them (VN-2000 metres, X often the northing): the coordinate-system guess
  // tries both orders and says when they were swapped.
  lng: ['lon', 'lng', 'longitude', 'kinh_do', 'x', 'x_m', 'toa_do_x', 'toa_do_x_m', 'easting'],
  lat: ['lat', 'latitude', 'vi_do', 'y', 'y_m', 'toa_do_y', 'toa_do_y_m', 'northing'],
  technologies: ['technologies', 'technology', 'tech', 'cong_nghe'],
  radiusMeters: ['radius_m', 'radius', 'ban_kinh_m', 'ban_kinh'],
  azimuthDegrees: ['azimuth', 'phuong_vi', 'huong'],
  beamwidthDegrees: ['beamwidth', 'do_rong_bup_song', 'bup_song'],
  heightMeters: ['height_m', 'do_cao_m', 'do_cao'],
  // The band a record's reach model reads (MHz, or GHz when it says so: "3,5 GHz").
  frequencyMhz: ['frequency_mhz', 'tan_so_mhz', 'tan_so', 'bang_tan_mhz', 'bang_tan', 'frequency', 'band_mhz'],
} as const satisfies Record<string, readonly string[]>;

/** Accepted column names of a fibre point list (and of fibre GeoJSON properties). */
export const FIBRE_COLUMN_ALIASES = {
  id: ['id', 'ma_diem', 'ma'],
  operator: ['operator', 'nha_mang'],
  lng: BTS_COLUMN_ALIASES.lng,
  lat: BTS_COLUMN_ALIASES.lat,
  kind: ['kind', 'loai'],
  radiusMeters: ['radius_m', 'ban_kinh_m'],
} as const satisfies Record<string, readonly string[]>;

/** Accepted column names of a plan-indicator table. */
export const INDICATOR_COLUMN_ALIASES = {
  indicator: ['indicator', 'chi_tieu'],
  value: ['value', 'gia_tri'],
  date: ['date', 'ngay'],
  source: ['source', 'nguon'],
} as const satisfies Record<string, readonly string[]>;

/**
 * The comparison key of a column name: lower case, Vietnamese diacritics removed (NFD, combining marks
 * stripped, `đ` → `d`), and every character that is not a letter or a digit removed (spaces, `_`, `-`,
 * parentheses, dots).
 * @param name a header or alias as written
 * @returns the key two names are compared by
 * @throws never
 * @example normalizeColumnName('Mã trạm') // 'matram'
 * @example normalizeColumnName('Bán kính (m)') // 'bankinhm'
 */
export function normalizeColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Finds the header that matches one of the aliases, ignoring case, diacritics, spaces, underscores and
 * hyphens (see {@link normalizeColumnName}). Aliases are tried in order, so an earlier alias wins over a
 * later one even when its column comes later in the file; among headers, the first match wins.
 * @param headers the header names as they appear in the file (or GeoJSON property keys)
 * @param aliases accepted names, most specific first
 * @returns the header exactly as written in `headers`, or `undefined` when none matches
 * @throws never
 * @example findColumn(['STT', 'Mã trạm', 'Kinh độ'], ['site_id', 'ma_tram']) // 'Mã trạm'
 */
export function findColumn(headers: readonly string[], aliases: readonly string[]): string | undefined {
  const keys = headers.map(normalizeColumnName);
  for (const alias of aliases) {
    const index = keys.indexOf(normalizeColumnName(alias));
    if (index >= 0) return headers[index];
  }
  return undefined;
}

/**
 * Resolves every field of an alias table against one header row with {@link findColumn}.
 * @param headers the header names as written (or GeoJSON property keys)
 * @param aliases accepted names per field
 * @returns the matching header per field; fields without a match are absent
 * @throws never
 * @example resolveColumns(['Kinh độ', 'Vĩ độ'], { lng: ['kinh_do'], lat: ['vi_do'] }) // { lng: 'Kinh độ', lat: 'Vĩ độ' }
 */
export function resolveColumns<Field extends string>(
  headers: readonly string[],
  aliases: Readonly<Record<Field, readonly string[]>>,
): Partial<Record<Field, string>> {
  const columns: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(aliases) as Field[]) {
    const column = findColumn(headers, aliases[field]);
    if (column !== undefined) columns[field] = column;
  }
  return columns;
}

/**
 * A {@link resolveColumns} for many records with mostly the same keys (GeoJSON features, JSON rows):
 * results are remembered per key list, for the lifetime of the returned function only.
 * @param aliases accepted names per field
 * @returns a function from a record's keys to the matching key per field
 * @throws never
 * @example const columnsOf = createColumnResolver({ id: ['ma_ap'] }); columnsOf(['MA_AP']) // { id: 'MA_AP' }
 */
export function createColumnResolver<Field extends string>(
  aliases: Readonly<Record<Field, readonly string[]>>,
): (keys: readonly string[]) => Partial<Record<Field, string>> {
  const cache = new Map<string, Partial<Record<Field, string>>>();
  return (keys) => {
    const signature = keys.join('\u0000');
    let columns = cache.get(signature);
    if (columns === undefined) {
      columns = resolveColumns(keys, aliases);
      cache.set(signature, columns);
    }
    return columns;
  };
}
