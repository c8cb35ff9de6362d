/**
 * Message codes of the input readers and parsers (`src/core/io`, `src/core/crs`). Texts: `msg.<code>`
 * in `src/i18n/messages-io.ts`. See `src/core/messages.ts` for parameters and how to add a code.
 */
export const IO_MESSAGE_CODES = [
  // Places inside a row or a feature, used as the `at` parameter of other messages.
  'json-value', 'in-column', 'in-columns', 'polygon-centre', 'in-property', 'no-column', 'no-property', 'at-position', 'ring-label', 'ring-of-polygon-label',
  'delimiter-comma', 'delimiter-semicolon', 'delimiter-tab',
  // A whole file that cannot be used.
  'file-empty', 'file-too-large', 'file-binary', 'file-binary-excel', 'file-binary-zip', 'no-rows', 'no-usable-rows',
  'too-many-columns', 'no-coordinate-columns', 'no-longitude-column', 'no-latitude-column',
  'hamlets-need-polygons', 'indicators-need-table', 'not-a-row-list',
  'json-invalid', 'json-invalid-at', 'json-too-large', 'json-too-deep',
  'geojson-wrong-type', 'geojson-no-features', 'geojson-not-collection',
  'topojson-not-topology', 'topojson-no-object', 'topojson-undecodable',
  'zip-unreadable', 'archive-over-budget', 'archive-over-ratio', 'zip-no-shapefile', 'shp-bad-header', 'shp-damaged', 'shp-unreadable', 'dbf-damaged', 'dbf-unreadable',
  'xml-malformed', 'kml-wrong-root', 'kml-unreadable', 'kmz-no-kml',
  'xls-old-format', 'xlsx-unreadable', 'xlsx-no-sheet', 'sheet-empty',
  'unknown-crs', 'file-unreadable', 'file-not-found', 'file-read-failed',
  'measurements-too-large', 'measurements-too-large-page', 'measurements-format-unsupported',
  // GIS files read through GDAL (src/formats).
  'gis-format-unknown', 'gis-zip-no-file', 'gis-unopenable', 'mapinfo-companions-missing', 'gis-layer-unreadable',
  'gis-several-layers', 'drawing-ids-generated', 'gis-crs-unreadable', 'crs-from-gis-file', 'gis-encoding-guessed', 'gis-reader-unavailable',
  // The configuration file.
  'config-invalid', 'config-not-object', 'config-unknown-key', 'config-target-twice', 'config-target-incomplete',
  'expect-object', 'expect-radius', 'expect-threshold', 'expect-distance', 'expect-beamwidth', 'expect-one-of', 'expect-text',
  'expect-names', 'expect-list', 'expect-share', 'expect-non-negative',
  'expect-whole-number-from', 'expect-whole-number-in', 'expect-level-dbm', 'expect-months', 'expect-hours', 'expect-share-open',
  'expect-gain-dbi', 'expect-height', 'expect-margin-db', 'expect-boolean',
  // Why one row or feature is skipped.
  'missing-longitude', 'missing-latitude', 'longitude-not-number', 'latitude-not-number', 'longitude-out-of-range',
  'latitude-out-of-range', 'coordinates-zero', 'position-not-numbers',
  'not-a-feature', 'no-geometry', 'geometry-not-point', 'geometry-not-fibre', 'geometry-not-area', 'geometry-empty',
  'line-too-short', 'polygon-no-rings', 'ring-not-positions', 'ring-position-invalid', 'ring-position-not-degrees',
  'ring-too-short', 'area-zero', 'duplicate-hamlet-id', 'self-intersection-unrepairable', 'self-intersection-empty',
  'self-intersection-area-change',
  'missing-operator', 'missing-technology', 'no-technology-recognised', 'missing-indicator', 'missing-value',
  'value-not-number', 'row-not-object',
  // Warnings: the row or file is used, with this caveat.
  'swapped-coordinates', 'swapped-layer', 'unknown-operator', 'unknown-technology', 'missing-site-id-row',
  'missing-site-id-feature', 'missing-id-row', 'missing-id-feature', 'implausible-radius', 'invalid-radius',
  'invalid-azimuth', 'invalid-beamwidth', 'beamwidth-without-azimuth', 'invalid-height', 'invalid-frequency',
  'no-operator-column', 'no-technology-column',
  'duplicate-id', 'repaired-self-intersection', 'unclosed-ring', 'hole-outside-shell',
  'missing-name', 'missing-commune', 'missing-district', 'missing-households', 'missing-population',
  'invalid-households', 'invalid-population', 'implausible-households', 'implausible-population',
  'unknown-indicator', 'share-out-of-range', 'unexpected-percent',
  'csv-syntax', 'csv-unclosed-quote', 'csv-invalid-quote', 'extra-cells', 'extra-cells-sheet',
  'header-empty-named', 'header-repeated-renamed',
  // Tables as offices make them: rows that are not data, and how the header was read.
  'header-row-missing', 'rows-above-header', 'totals-row-skipped', 'numbering-row-skipped', 'header-repeat-skipped',
  'blank-rows-skipped', 'dms-columns-joined', 'sites-already-given',
  'encoding-guessed', 'invalid-utf8', 'invalid-utf8-row', 'legacy-vietnamese-font', 'excel-named-as-text',
  'several-layers', 'no-dbf', 'dbf-count-mismatch', 'dbf-truncated', 'dbf-encoding-guessed', 'prj-unreadable',
  'sheet-chosen', 'outside-vietnam', 'repeated-ids', 'row-skipped',
  'join-columns-missing', 'join-unmatched', 'merger-no-old-unit', 'merger-no-new-unit',
  // Coordinate systems: how a layer's system was decided.
  'crs-option-ignored', 'crs-member-unknown', 'crs-chosen-but-degrees', 'crs-prj-but-degrees', 'crs-declared-but-degrees',
  'crs-degrees-but-metres', 'crs-guessed', 'crs-unknown',
  'crs-from-option', 'crs-from-prj', 'crs-from-member', 'crs-from-format',
  'prj-geographic', 'prj-tmerc', 'prj-wkt',
  'crs-guess-no-positions', 'crs-guess-none-fits', 'crs-guess', 'crs-guess-swapped', 'crs-guess-region',
  'crs-guess-alternatives', 'crs-reading', 'crs-reading-swapped',
] as const;
