/**
 * The field evidence on paper: the challenged H3 hexagons over the coverage map (numbered, listed
 * beside it — the evidence a department sends an operator), or a layer drawn on H3 hexagons in place
 * of the hamlets, each hexagon coloured by the share of its area covered. Pure: the hexagons come
 * from h3-js, colours from the app's map styles.
 */
import { cellToBoundary, cellToLatLng } from 'h3-js';
import { coverageStatus, type ChallengeHex, type CoverageStatus, type Position } from '../core';
import { coverageClassLabels } from '../i18n/coverage-classes';
import { formatNumber, type Locale } from '../i18n/format';
import { CHALLENGE_COLORS } from '../map/layers/evidence-layers';
import { COVERAGE_COLORS } from '../map/layers/palette';
import type { LegendEntry } from './layout-page';
import type { Translate } from './print-content';
import type { Bounds } from './print-scale';

/** One hexagon of the H3 view: its index and the share of its area the layer covers (0–1). */
export interface H3ViewCell {
  h3: string;
  coveredShare: number;
}

/** What a page shows of the field evidence, besides the hamlets. */
export type PrintEvidence =
  | { kind: 'challenges'; challenges: ChallengeHex[] }
  | { kind: 'h3View'; resolution: number; cells: H3ViewCell[] };

/** Hexagons to draw on the map frame, in lng/lat; `instead` = in place of the hamlet fills. */
export interface HexOverlay {
  placement: 'over' | 'instead';
  /** `markSmall`: a hexagon smaller than a few millimetres on paper is also ringed, so it can be found. */
  groups: { rings: Position[][]; fill: string; fillOpacity: number; stroke: string | null; strokeWidthPx: number; markSmall: boolean }[];
  /** Numbers drawn on hexagons, as in the list beside the map. */
  keys: { lng: number; lat: number; number: number }[];
}

const CSS_PIXEL_MM = 25.4 / 96;

/** A hexagon's boundary as a closed `[lng, lat]` ring. */
export function hexagonRing(h3: string): Position[] {
  const ring = cellToBoundary(h3, true) as Position[];
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  return ring;
}

function centreOf(h3: string): [number, number] {
  const [lat, lng] = cellToLatLng(h3);
  return [lng, lat];
}

/**
 * The numbers of the challenged hexagons whose centre lies in `bounds`: 1, 2, … in the order of the
 * challenges (most contradicting tests first); a hexagon challenged for several operators or
 * technologies carries one number.
 */
export function numberChallengeHexes(challenges: readonly ChallengeHex[], bounds: Bounds): Map<string, number> {
  const keys = new Map<string, number>();
  for (const challenge of challenges) {
    if (keys.has(challenge.h3)) continue;
    const [lng, lat] = centreOf(challenge.h3);
    if (lng < bounds[0] || lng > bounds[2] || lat < bounds[1] || lat > bounds[3]) continue;
    keys.set(challenge.h3, keys.size + 1);
  }
  return keys;
}

/**
 * The list beside a challenge map, two lines per challenge of a numbered hexagon (the column is
 * narrow, and a cut H3 index would be useless to the operator):
 * `3. 8865a1b2fffffff — Viettel 4G` then `   9/12 lượt đo trái dự báo (Báo phủ, không có sóng)`.
 */
export function buildChallengeLines(challenges: readonly ChallengeHex[], keys: Map<string, number>, t: Translate, locale: Locale): string[] {
  return challenges
    .filter((challenge) => keys.has(challenge.h3))
    .sort((a, b) => keys.get(a.h3)! - keys.get(b.h3)!)
    .flatMap((challenge) => [
      t('print.challengeLine', { number: keys.get(challenge.h3)!, h3: challenge.h3, operator: challenge.operator, technology: challenge.technology }),
      `\u2003${t('print.challengeTests', { contradicting: formatNumber(challenge.contradicting, locale), tests: formatNumber(challenge.tests, locale), kind: t(`evidence.challenge.${challenge.kind}`) })}`,
    ]);
}

/** The hexagons of a page's evidence as the map frame draws them (the app's colours and widths). */
export function buildHexOverlay(evidence: PrintEvidence, coveredThreshold: number, keys: Map<string, number>): HexOverlay {
  if (evidence.kind === 'h3View') {
    const byClass = new Map<CoverageStatus, Position[][]>();
    for (const cell of evidence.cells) {
      // The hamlets' rule and tolerance: covered from the threshold, partly above 0.
      const status = coverageStatus(cell.coveredShare, coveredThreshold);
      let rings = byClass.get(status);
      if (!rings) byClass.set(status, (rings = []));
      rings.push(hexagonRing(cell.h3));
    }
    const groups = (['covered', 'partial', 'none'] as const).filter((status) => byClass.has(status)).map((status) => ({ rings: byClass.get(status)!, fill: COVERAGE_COLORS[status], fillOpacity: 0.72, stroke: '#FFFFFF', strokeWidthPx: 0.5, markSmall: false }));
    return { placement: 'instead', groups, keys: [] };
  }
  const seen = new Set<string>();
  const byKind = { 'false-covered': [] as Position[][], 'false-uncovered': [] as Position[][] };
  for (const challenge of evidence.challenges) {
    // One outline per hexagon: the kind of its first (most contradicting) challenge.
    if (seen.has(challenge.h3)) continue;
    seen.add(challenge.h3);
    byKind[challenge.kind].push(hexagonRing(challenge.h3));
  }
  const groups = (['false-uncovered', 'false-covered'] as const)
    .filter((kind) => byKind[kind].length > 0)
    .map((kind) => ({ rings: byKind[kind], fill: CHALLENGE_COLORS[kind], fillOpacity: 0.35, stroke: CHALLENGE_COLORS[kind], strokeWidthPx: kind === 'false-covered' ? 2.5 : 1.5, markSmall: true }));
  const placed = [...keys].map(([h3, number]) => {
    const [lng, lat] = centreOf(h3);
    return { lng, lat, number };
  });
  return { placement: 'over', groups, keys: placed };
}

/** Legend entries of the evidence the map draws (before the boundaries and symbols of the usual legend). */
export function buildEvidenceLegend(evidence: PrintEvidence, coveredThreshold: number, keyCount: number, t: Translate, locale: Locale): LegendEntry[] {
  if (evidence.kind === 'h3View') {
    const classes = coverageClassLabels(coveredThreshold, t, locale);
    const present = new Set(evidence.cells.map((cell) => coverageStatus(cell.coveredShare, coveredThreshold)));
    return (['covered', 'partial', 'none'] as const)
      .filter((status) => present.has(status))
      .map((status) => ({ symbol: { kind: 'fill' as const, color: COVERAGE_COLORS[status], outline: '#FFFFFF' }, label: t('print.hexClass', { resolution: evidence.resolution, class: classes[status] }) }));
  }
  const kinds = new Set(evidence.challenges.map((challenge) => challenge.kind));
  const entries: LegendEntry[] = (['false-covered', 'false-uncovered'] as const)
    .filter((kind) => kinds.has(kind))
    .map((kind) => ({ symbol: { kind: 'line' as const, color: CHALLENGE_COLORS[kind], widthMm: (kind === 'false-covered' ? 2.5 : 1.5) * CSS_PIXEL_MM, dashMm: null }, label: t(`print.challengeKind.${kind}`) }));
  if (keyCount > 0) entries.push({ symbol: { kind: 'key', label: '1' }, label: t('print.challengeKeyLegend', { count: keyCount }) });
  return entries;
}
