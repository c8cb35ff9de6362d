import { appendAll } from '../append-all';
import { message, type Message } from '../messages';
import type { Position, Warning } from '../types';
import { resolveCrs, type CrsDefinition } from './crs-definitions';
import { guessCrs, type CrsCandidate, type GuessCrsOptions } from './guess-crs';
import { collectPositions, createReprojector, mapGeometryPositions } from './reproject';

/** How a layer's coordinate system was decided, for the import report and the confirm-on-map step. */
export interface CrsReport {
  /** `option`: given by the user; `prj`: the Shapefile's .prj; `geojson-crs`: the legacy GeoJSON `crs`
   * member; `format`: the format fixes it (KML is WGS84); `guess`: from the numbers' ranges. */
  source: 'option' | 'prj' | 'geojson-crs' | 'format' | 'guess';
  crsId: string;
  crsLabel: string;
  /** The two coordinates were swapped (latitude / northing first) before converting. */
  isSwapped: boolean;
  /** `high` for a declared system; the guess's confidence otherwise; `none` when nothing fits. */
  confidence: 'high' | 'medium' | 'low' | 'none';
  /** How it was decided: `crs-from-option`, `crs-from-prj`, `crs-from-member`, `crs-from-format`, or the guess's reasons. */
  description: Message[];
  /** Other readings that also put the layer in Vietnam (guesses only), best first. */
  alternatives: { crsId: string; crsLabel: string; isSwapped: boolean; insideVietnamShare: number; insideRegionShare: number | null }[];
}

/** A declared system, when the file or the user names one. */
export interface DeclaredCrs {
  crs: CrsDefinition;
  source: 'option' | 'prj' | 'geojson-crs' | 'format';
  description: Message;
}

/** Options of {@link placeFeatureCollection} and `placeTablePositions`. */
export interface PlaceLayerOptions extends GuessCrsOptions {
  declared?: DeclaredCrs;
  /** Label of the input, used in messages. */
  file?: string;
}

/** A layer brought to WGS84, with the account of how. */
export interface PlacedLayer<T> {
  value: T;
  report: CrsReport;
  warnings: Warning[];
}

const alternativesOf = (candidates: CrsCandidate[]): CrsReport['alternatives'] =>
  candidates.slice(0, 6).map((candidate) => ({ crsId: candidate.crs.id, crsLabel: candidate.crs.label, isSwapped: candidate.isSwapped, insideVietnamShare: candidate.insideVietnamShare, insideRegionShare: candidate.insideRegionShare }));

/**
 * Decides the coordinate system of a list of positions and returns the function that brings one to
 * WGS84 `[lng, lat]`. A declared system is used as is (its axes are not second-guessed, except WGS84
 * degrees, which are checked for swapped latitude / longitude), unless it is projected and every number
 * lies in degree ranges (then it cannot be right: warned as `crs-chosen-but-degrees`, `crs-prj-but-degrees` or `crs-declared-but-degrees`, and guessed). Otherwise {@link guessCrs} decides; when
 * no reading puts the positions in Vietnam, they are left unchanged (the parsers then report each one)
 * and the report says so with confidence `none`.
 * @param positions the layer's positions as found in the file
 * @param options declared system, planning region and preferred TM-3 meridian
 * @returns the position function, the report and warnings (`crs-guessed`, `crs-unknown`, `crs-degrees-but-metres`, `swapped-layer`)
 * @throws never
 * @example decideLayerCrs([[551392, 1061653]], {}).report.crsId // 'vn2000-tm:105.5'
 */
export function decideLayerCrs(positions: readonly Position[], options: PlaceLayerOptions): { toWgs84: (position: readonly number[]) => Position; report: CrsReport; warnings: Warning[] } {
  const where = options.file;
  let declared = options.declared;
  const warnings: Warning[] = [];
  if (declared !== undefined && declared.crs.kind !== 'geographic' && positions.length > 0 && positions.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
    // Metres of a projected system never fall in degree ranges inside Vietnam: these are degrees.
    const code = declared.source === 'option' ? 'crs-chosen-but-degrees' : declared.source === 'prj' ? 'crs-prj-but-degrees' : 'crs-declared-but-degrees';
    warnings.push({ code, params: { crs: declared.crs.id }, ...(where === undefined ? {} : { where }) });
    declared = undefined;
  }
  if (declared !== undefined && declared.crs.id !== 'EPSG:4326') {
    const reprojector = createReprojector(declared.crs);
    return {
      toWgs84: reprojector.toWgs84,
      report: { source: declared.source, crsId: declared.crs.id, crsLabel: declared.crs.label, isSwapped: false, confidence: 'high', description: [declared.description], alternatives: [] },
      warnings,
    };
  }
  const guess = guessCrs(positions, options);
  if (guess.best === null) {
    if (declared === undefined && positions.length > 0) warnings.push({ code: 'crs-unknown', params: { reason: guess.reason }, ...(where === undefined ? {} : { where }) });
    const source = declared?.source ?? 'guess';
    return {
      toWgs84: (position) => [position[0], position[1]],
      report: { source, crsId: 'EPSG:4326', crsLabel: 'WGS 84 (degrees)', isSwapped: false, confidence: declared === undefined ? 'none' : 'high', description: declared === undefined ? guess.reason : [declared.description], alternatives: [] },
      warnings,
    };
  }
  const best = guess.best;
  if (declared !== undefined && best.crs.id !== 'EPSG:4326') {
    // Declared WGS84 but the numbers are metres: trust the numbers, say so loudly.
    warnings.push({ code: 'crs-degrees-but-metres', params: { reason: guess.reason }, ...(where === undefined ? {} : { where }) });
  } else if (best.crs.id !== 'EPSG:4326') {
    warnings.push({ code: 'crs-guessed', params: { reason: guess.reason }, ...(where === undefined ? {} : { where }) });
  }
  if (best.isSwapped) warnings.push({ code: 'swapped-layer', params: {}, ...(where === undefined ? {} : { where }) });
  const reprojector = createReprojector(best.crs);
  const isSwapped = best.isSwapped;
  return {
    toWgs84: (position) => reprojector.toWgs84(isSwapped ? [position[1], position[0]] : [position[0], position[1]]),
    report: {
      source: declared?.source ?? 'guess',
      crsId: best.crs.id,
      crsLabel: best.crs.label,
      isSwapped,
      confidence: declared !== undefined && best.crs.id === 'EPSG:4326' ? 'high' : guess.confidence,
      description: declared !== undefined && best.crs.id === 'EPSG:4326' && !isSwapped ? [declared.description] : guess.reason,
      alternatives: alternativesOf(guess.alternatives),
    },
    warnings,
  };
}

/**
 * Brings a GeoJSON-like FeatureCollection to WGS84 degrees: the system is decided by
 * {@link decideLayerCrs} from every position of every feature, and all geometries are converted
 * (identity when they already are WGS84). The collection's other members (`demo`, `name`…) are kept;
 * a legacy `crs` member is removed.
 * @param collection an object with a `features` array (anything else is returned unchanged)
 * @param options declared system, planning region, preferred TM-3 meridian, file label
 * @returns the new collection, the report and warnings
 * @throws never
 * @example placeFeatureCollection(collectionInVn2000, { declared: { crs: resolveCrs('EPSG:3405'), source: 'option', description: message('crs-from-option') } }).value
 */
export function placeFeatureCollection(collection: unknown, options: PlaceLayerOptions): PlacedLayer<unknown> {
  const features = (collection as { features?: unknown })?.features;
  if (!Array.isArray(features)) {
    return { value: collection, report: { source: 'guess', crsId: 'EPSG:4326', crsLabel: 'WGS 84 (degrees)', isSwapped: false, confidence: 'none', description: [message('crs-guess-no-positions')], alternatives: [] }, warnings: [] };
  }
  const positions: Position[] = [];
  for (const feature of features) {
    if (positions.length >= 50_000) break;
    appendAll(positions, collectPositions((feature as { geometry?: unknown } | null)?.geometry, 200));
  }
  const decision = decideLayerCrs(positions, options);
  const isIdentity = decision.report.crsId === 'EPSG:4326' && !decision.report.isSwapped;
  const { crs: _legacyCrs, ...rest } = collection as Record<string, unknown>;
  const value = isIdentity
    ? rest
    : {
        ...rest,
        features: features.map((feature: unknown) =>
          feature !== null && typeof feature === 'object' && 'geometry' in feature
            ? { ...(feature as object), geometry: mapGeometryPositions((feature as { geometry: unknown }).geometry, decision.toWgs84) }
            : feature,
        ),
      };
  return { value, report: decision.report, warnings: decision.warnings };
}

/**
 * Reads the legacy GeoJSON `crs` member (GeoJSON 2008: `{"type": "name", "properties": {"name":
 * "urn:ogc:def:crs:EPSG::3405"}}`, or `{"type": "EPSG", "properties": {"code": 3405}}`).
 * @param collection the parsed GeoJSON
 * @returns the declared system, `null` when there is no `crs` member, or `{ unknown }` naming one not known
 * @throws never
 * @example readGeoJsonCrsMember({ crs: { type: 'name', properties: { name: 'EPSG:3405' } } })
 */
export function readGeoJsonCrsMember(collection: unknown): DeclaredCrs | { unknown: string } | null {
  const crs = (collection as { crs?: unknown } | null)?.crs;
  if (crs === null || typeof crs !== 'object') return null;
  const { type, properties } = crs as { type?: unknown; properties?: { name?: unknown; code?: unknown } };
  const name = type === 'EPSG' ? `EPSG:${String(properties?.code)}` : typeof properties?.name === 'string' ? properties.name : JSON.stringify(crs);
  try {
    const definition = resolveCrs(name);
    return { crs: definition, source: 'geojson-crs', description: message('crs-from-member', { value: name }) };
  } catch {
    return { unknown: name };
  }
}
