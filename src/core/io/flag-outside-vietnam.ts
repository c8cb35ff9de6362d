import { VIETNAM_BBOX } from '../crs/guess-crs';
import { listOf } from '../messages';
import type { Position, Warning } from '../types';
import type { ParsedInputFile } from './parse-input-file';

const LISTED = 5;
const isInside = ([lng, lat]: Position): boolean => lng >= VIETNAM_BBOX[0] && lng <= VIETNAM_BBOX[2] && lat >= VIETNAM_BBOX[1] && lat <= VIETNAM_BBOX[3];

/**
 * Adds one `outside-vietnam` warning per layer of a parsed file listing the items (sites, fibre points,
 * routes, hamlets) that lie far outside Vietnam (outside 102–110° E, 8–24° N): usually a wrong
 * coordinate system, a sign error or a typo; and one warning listing fibre points or
 * routes that share an id (`repeated-ids`; hamlets refuse repeated ids already; BTS lists repeat a site id per operator
 * and cell by design). The items are kept; each warning names how many and the first few.
 * @param parsed a parsed file
 * @returns the same file with the warnings added to its summaries
 * @throws never
 * @example flagOutsideVietnam(parsed).summaries[0].warnings.filter((warning) => warning.code === 'outside-vietnam')
 */
export function flagOutsideVietnam<T extends ParsedInputFile>(parsed: T): T {
  const { hamlets = [], btsRecords = [], fibrePoints = [], fibreRoutes = [] } = parsed.input;
  const outside = {
    hamlets: hamlets.filter((hamlet) => !isInside(firstPosition(hamlet.geometry.type === 'Polygon' ? hamlet.geometry.coordinates : hamlet.geometry.coordinates[0]))).map((hamlet) => hamlet.id),
    sites: btsRecords.filter((record) => !isInside([record.lng, record.lat])).map((record) => record.source ?? record.siteId),
    fibre: fibrePoints.filter((point) => !isInside([point.lng, point.lat])).map((point) => point.source ?? point.id),
    'fibre-routes': fibreRoutes.filter((route) => !route.coordinates.some(isInside)).map((route) => route.source ?? route.id),
  };
  const duplicates = { fibre: repeatedIds(fibrePoints), 'fibre-routes': repeatedIds(fibreRoutes) };
  const summaries = parsed.summaries.map((summary) => {
    const places = outside[summary.kind as keyof typeof outside] ?? [];
    const repeated = duplicates[summary.kind as keyof typeof duplicates] ?? [];
    const warnings: Warning[] = [];
    if (places.length > 0) {
      warnings.push({ code: 'outside-vietnam', params: { count: places.length, total: summary.rowsUsed }, where: places[0], places: { count: places.length, first: places.slice(0, LISTED), noun: 'items' } });
    }
    if (repeated.length > 0) {
      warnings.push({ code: 'repeated-ids', params: { count: repeated.length, ids: listOf(repeated.map(({ id }) => id), { quoted: true }) }, where: repeated[0].places[0] });
    }
    return warnings.length === 0 ? summary : { ...summary, warnings: [...summary.warnings, ...warnings] };
  });
  return { ...parsed, summaries };
}

function repeatedIds(items: { id: string; source?: string }[]): { id: string; places: string[] }[] {
  const placesById = new Map<string, string[]>();
  for (const item of items) {
    const places = placesById.get(item.id);
    if (places === undefined) placesById.set(item.id, [item.source ?? item.id]);
    else places.push(item.source ?? item.id);
  }
  return [...placesById].filter(([, places]) => places.length > 1).map(([id, places]) => ({ id, places }));
}

function firstPosition(rings: Position[][]): Position {
  return rings[0]?.[0] ?? [Number.NaN, Number.NaN];
}
