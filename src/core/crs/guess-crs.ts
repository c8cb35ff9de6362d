import { message, type Message } from '../messages';
import type { Position } from '../types';
import { SOC_TRANG_CENTRAL_MERIDIAN, listKnownCrs, type CrsDefinition } from './crs-definitions';
import { createReprojector } from './reproject';

/** `[west, south, east, north]` in degrees. */
export type BboxDegrees = [number, number, number, number];

/** Mainland Vietnam and its coastal islands, generously. */
export const VIETNAM_BBOX: BboxDegrees = [102, 8, 110, 24];

/** Sóc Trăng province (before the 2025 merger), with a few km to spare. */
export const SOC_TRANG_BBOX: BboxDegrees = [105.5, 9.2, 106.4, 10.0];

/** One reading of a layer's numbers: a system, and whether the two numbers are swapped (northing first). */
export interface CrsCandidate {
  crs: CrsDefinition;
  /** The file gives `[y, x]` (latitude or northing first); swap before converting. */
  isSwapped: boolean;
  /** Share of the sampled positions that land inside {@link VIETNAM_BBOX}. */
  insideVietnamShare: number;
  /** Share that lands inside the expected region (the planning area), when one is given. */
  insideRegionShare: number | null;
  /** Where the sample's centre lands, `[lng, lat]`. */
  centre: Position;
}

/** What {@link guessCrs} concludes. */
export interface CrsGuess {
  /** The most likely reading, or `null` when nothing puts the positions in Vietnam. */
  best: CrsCandidate | null;
  /** `high`: only one reading fits; `medium`: others fit Vietnam but not as well the region; `low`: a real tie. */
  confidence: 'high' | 'medium' | 'low' | 'none';
  /** The other readings that put at least half of the positions in Vietnam, best first. */
  alternatives: CrsCandidate[];
  /** Why, for the import report: `crs-guess-no-positions`, `crs-guess-none-fits`, or the reading and its
   * fit (`crs-guess`, then `crs-guess-region` and `crs-guess-alternatives` when they apply). */
  reason: Message[];
}

/** Options of {@link guessCrs}. */
export interface GuessCrsOptions {
  /** The planning area; readings that land in it win. Default {@link SOC_TRANG_BBOX}. `null` = none. */
  regionBbox?: BboxDegrees | null;
  /** The 3° TM zone preferred on a tie. Default 105.5 (Sóc Trăng). */
  preferredCentralMeridian?: number;
  /** At most this many positions are tried (spread evenly over the input). Default 500. */
  sampleSize?: number;
}

const inside = (bbox: BboxDegrees, [lng, lat]: Position): boolean => lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];

/**
 * Guesses the coordinate system of positions that came without one (a CSV, a Shapefile without .prj,
 * GeoJSON in metres), so the user can confirm it on a preview or pick another. Each known system
 * ({@link listKnownCrs}) is tried with the numbers as given and swapped (VN surveyors write X = northing
 * first); a reading is scored by the share of positions it puts in Vietnam, then in the planning region.
 * Degrees always win over metres when they fit (the ranges cannot overlap inside Vietnam). The VN-2000
 * 3° TM zones and the UTM zones put the same numbers a few tens of km apart, so the region decides, and
 * on a tie the preferred zone, then VN-2000 over WGS84 and TM-3 over UTM.
 * @param positions the layer's positions as found in the file, in file order
 * @param options planning region, preferred TM-3 meridian, sample size
 * @returns the best reading, a confidence, the alternatives and a sentence explaining them
 * @throws never
 * @example guessCrs([[551392, 1061653]]).best?.crs.id // 'vn2000-tm:105.5'
 */
export function guessCrs(positions: readonly Position[], options: GuessCrsOptions = {}): CrsGuess {
  const region = options.regionBbox === undefined ? SOC_TRANG_BBOX : options.regionBbox;
  const preferred = options.preferredCentralMeridian ?? SOC_TRANG_CENTRAL_MERIDIAN;
  const sample = samplePositions(positions.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)), options.sampleSize ?? 500);
  if (sample.length === 0) return { best: null, confidence: 'none', alternatives: [], reason: [message('crs-guess-no-positions')] };

  const looksLikeDegrees = sample.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 180);
  const systems = listKnownCrs().filter((crs) => (crs.kind === 'geographic') === looksLikeDegrees);
  const candidates: CrsCandidate[] = [];
  for (const crs of systems) {
    if (crs.id === 'EPSG:4756') continue; // VN-2000 degrees differ from WGS84 by < 0.003°: indistinguishable, WGS84 is the norm
    const reprojector = createReprojector(crs);
    for (const isSwapped of [false, true]) {
      const converted = sample.map(([x, y]) => reprojector.toWgs84(isSwapped ? [y, x] : [x, y])).filter(([lng, lat]) => Number.isFinite(lng) && Number.isFinite(lat));
      const insideVietnam = converted.filter((position) => inside(VIETNAM_BBOX, position)).length / sample.length;
      const insideRegion = region === null ? null : converted.filter((position) => inside(region, position)).length / sample.length;
      const centre: Position = converted.length === 0 ? [Number.NaN, Number.NaN] : [median(converted.map((p) => p[0])), median(converted.map((p) => p[1]))];
      candidates.push({ crs, isSwapped, insideVietnamShare: insideVietnam, insideRegionShare: insideRegion, centre });
    }
  }
  const priority = (candidate: CrsCandidate): number =>
    (candidate.isSwapped ? 0 : 8) +
    (candidate.crs.kind === 'tm3' && candidate.crs.centralMeridianDegrees === preferred ? 4 : 0) +
    (candidate.crs.datum === 'VN-2000' ? 2 : 0) +
    (candidate.crs.kind === 'tm3' ? 1 : 0);
  const score = (candidate: CrsCandidate): number => candidate.insideVietnamShare + (candidate.insideRegionShare ?? 0);
  const fitting = candidates
    .filter((candidate) => candidate.insideVietnamShare >= 0.5)
    .sort((a, b) => score(b) - score(a) || priority(b) - priority(a));
  if (fitting.length === 0) {
    return {
      best: null,
      confidence: 'none',
      alternatives: [],
      reason: [message('crs-guess-none-fits', { x: sample[0][0], y: sample[0][1] })],
    };
  }
  const [best, ...others] = fitting;
  const closeCalls = others.filter((candidate) => score(best) - score(candidate) < 0.1);
  const confidence = looksLikeDegrees
    ? closeCalls.length === 0 ? 'high' : 'medium'
    : closeCalls.length === 0 ? 'medium' : 'low';
  const reason: Message[] = [
    message(best.isSwapped ? 'crs-guess-swapped' : 'crs-guess', { crs: best.crs.id, vietnamShare: best.insideVietnamShare, lng: Number(best.centre[0].toFixed(3)), lat: Number(best.centre[1].toFixed(3)) }),
  ];
  if (best.insideRegionShare !== null) reason.push(message('crs-guess-region', { regionShare: best.insideRegionShare }));
  if (closeCalls.length > 0) {
    const readings = closeCalls.slice(0, 3).map((call) => message(call.isSwapped ? 'crs-reading-swapped' : 'crs-reading', { crs: call.crs.id }));
    reason.push(message('crs-guess-alternatives', { count: closeCalls.length, readings }));
  }
  return { best, confidence, alternatives: others, reason };
}

function samplePositions(positions: readonly Position[], size: number): Position[] {
  if (positions.length <= size) return [...positions];
  const step = positions.length / size;
  return Array.from({ length: size }, (_, index) => positions[Math.floor(index * step)]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
