import { listOf, message } from '../messages';
import type { Hamlet } from '../types';
import type { Message } from '../messages';
import { createLocalFrame, polygonsArea, toPlanarPolygons } from './planar-polygons';

/** A hamlet is rarely over a few km²; a median over this is a commune or district layer. */
export const MAX_MEDIAN_HAMLET_KM2 = 30;
/** The share of names that look like communes or districts above which the layer is questioned. */
export const COMMUNE_NAME_SHARE = 0.5;

/** Words that start the name of a commune, ward, township, district or town, not of a hamlet. */
const UNIT_NAME_PATTERN = /^(xã|xa|phường|phuong|thị trấn|thi tran|huyện|huyen|thị xã|thi xa|thành phố|thanh pho|quận|quan|tp\.?|tx\.?|tt\.?)(\s|$)/iu;

/** What the scale check found: findings the user is asked about before the analysis (may be empty). */
export interface HamletLayerCheck {
  findings: Message[];
  medianKm2: number;
}

/**
 * Checks that a layer given as hamlets looks like hamlets: a layer whose units are far too large (the
 * median area over {@link MAX_MEDIAN_HAMLET_KM2} km², as when a district layer is picked by mistake) or
 * whose names mostly look like communes or districts ("Xã …", "Phường …", "Huyện …", "Thị xã …") gets
 * a finding, so the app can ask and the command line can stop, before an analysis of the wrong units.
 * @param hamlets the hamlet layer
 * @returns findings (`hamlet-layer-too-large` with the median, `hamlet-layer-names-like-communes`
 *   with the count and examples) and the median area in km²
 * @throws never
 * @example checkHamletLayer(districts).findings[0].code // 'hamlet-layer-too-large'
 */
export function checkHamletLayer(hamlets: readonly Hamlet[]): HamletLayerCheck {
  const areas = hamlets.map((hamlet) => polygonsArea(toPlanarPolygons(hamlet.geometry, createLocalFrame(hamlet.geometry))) / 1e6).sort((a, b) => a - b);
  const middle = areas.length >> 1;
  const medianKm2 = areas.length === 0 ? 0 : areas.length % 2 === 1 ? areas[middle] : (areas[middle - 1] + areas[middle]) / 2;
  const findings: Message[] = [];
  if (medianKm2 > MAX_MEDIAN_HAMLET_KM2) findings.push(message('hamlet-layer-too-large', { count: hamlets.length, medianKm2: Math.round(medianKm2 * 10) / 10, limitKm2: MAX_MEDIAN_HAMLET_KM2 }));
  const unitNamed = hamlets.filter((hamlet) => UNIT_NAME_PATTERN.test(hamlet.name.normalize('NFC').trim()));
  if (hamlets.length > 0 && unitNamed.length / hamlets.length > COMMUNE_NAME_SHARE) {
    findings.push(message('hamlet-layer-names-like-communes', { count: unitNamed.length, total: hamlets.length, names: listOf(unitNamed.map((hamlet) => hamlet.name), { quoted: true, max: 3 }) }));
  }
  return { findings, medianKm2 };
}
