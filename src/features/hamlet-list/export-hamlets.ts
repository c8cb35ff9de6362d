import { csvPercent, hamletLeadingCells, LAYER_NAMES, writeCsv, type CsvDialect, type Hamlet, type HamletResult, type LayerName } from '../../core';
import { formatHamletsGeoJson } from '../../core';
import type { Locale } from '../../i18n/format';
import { translate } from '../../i18n/translate';
import { DEMO_FILE_NOTE } from '../../i18n/messages-demo';

/**
 * The listed hamlets as a table for a spreadsheet, in the user's language: headers in words, shares
 * as percentages, covered as "Có" / "Không" ("Yes" / "No"), the engine's unit keys (codes) next to the names. Written by core's `writeCsv` (byte-order
 * mark, formula-escaped); `excel-vn` for Excel on a PC set to Vietnamese (`;` and decimal commas).
 */
export function buildHamletCsv(results: HamletResult[], locale: Locale, dialect: CsvDialect = 'standard'): string {
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string>) => translate(locale, key, values);
  const header = [
    t('list.csv.id'), t('list.csv.name'), t('list.csv.commune'), t('list.csv.district'),
    t('list.csv.districtKey'), t('list.csv.communeKey'), t('list.csv.newCommuneKey'), t('list.csv.households'), t('list.csv.population'), t('list.csv.area'),
    ...LAYER_NAMES.flatMap((layer) => [t('list.csv.share', { layer: t(`layer.${layer}`) }), t('list.csv.covered', { layer: t(`layer.${layer}`) })]),
  ];
  // Approximate hamlets (built from a point or a commune) add their mark and the point rule per layer (empty without a point).
  const hasApproximate = results.some((hamlet) => hamlet.approximate === true || hamlet.pointCovered !== undefined);
  if (hasApproximate) {
    header.push(t('approx.csvApproximate'));
    for (const layer of LAYER_NAMES) header.push(t('approx.csvPointCovered', { layer: t(`layer.${layer}`) }));
  }
  const yes = t('details.yes');
  const no = t('details.no');
  const rows = results.map((hamlet) => [
    ...hamletLeadingCells(hamlet),
    Math.round(hamlet.areaKm2 * 1e4) / 1e4,
    ...LAYER_NAMES.flatMap((layer) => [csvPercent(hamlet.fraction[layer], dialect), hamlet.covered[layer] ? yes : no]),
    ...(hasApproximate ? [hamlet.approximate === true ? yes : no, ...LAYER_NAMES.map((layer) => (hamlet.pointCovered === undefined ? '' : hamlet.pointCovered[layer] ? yes : no))] : []),
  ]);
  return writeCsv(header, rows, { dialect });
}

/** The listed hamlets as GeoJSON: input geometry with results, coloured by `layer` (demo data: `demo` and `note`). */
export function buildHamletGeoJson(results: HamletResult[], hamlets: Hamlet[], layer: LayerName, isDemo = false) {
  return { ...formatHamletsGeoJson({ hamlets, demo: isDemo }, results, layer), ...(isDemo ? { note: DEMO_FILE_NOTE } : {}) };
}

