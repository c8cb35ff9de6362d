import type { CoverageAnalysis } from '../analyze-coverage';
import { distanceToHamletMeters, isPointInHamlet } from '../coverage/hamlet-geometry';
import { metersToDegrees } from '../units';

/** Where a proposal stands: the hamlet it is in (or the nearest one), with its commune and district. */
export interface ProposalPlace {
  hamletId: string;
  hamlet: string;
  commune: string;
  district: string;
  /** False when the point is outside every hamlet and this is the nearest one. */
  isInside: boolean;
  /** Distance to the hamlet, metres (0 inside). */
  distanceMeters: number;
}

/**
 * The hamlet a point stands in, by the engine's own point-in-hamlet test; outside every hamlet,
 * the nearest hamlet within `searchMeters`.
 * @param analysis the coverage analysis (prepared, indexed hamlets)
 * @param lng longitude, degrees
 * @param lat latitude, degrees
 * @param searchMeters how far to look for the nearest hamlet when the point is in none
 * @returns the place, or null when no hamlet is that close
 * @example locateProposal(analysis, 105.97, 9.6, 3000)?.commune // 'Phường 1'
 */
export function locateProposal(analysis: CoverageAnalysis, lng: number, lat: number, searchMeters: number): ProposalPlace | null {
  const place = (h: number, isInside: boolean, distanceMeters: number): ProposalPlace => {
    const hamlet = analysis.input.hamlets[h];
    return { hamletId: hamlet.id, hamlet: hamlet.name, commune: hamlet.commune, district: hamlet.district, isInside, distanceMeters };
  };
  for (const h of analysis.hamletIndex.search(lng, lat, lng, lat)) if (isPointInHamlet(analysis.prepared[h], lng, lat)) return place(h, true, 0);
  const [dLng, dLat] = metersToDegrees(searchMeters, lat);
  let nearest = -1;
  let nearestMeters = Infinity;
  for (const h of analysis.hamletIndex.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat)) {
    if (analysis.prepared[h].areaM2 <= 0) continue;
    const meters = distanceToHamletMeters(analysis.prepared[h], lng, lat);
    if (meters < nearestMeters || (meters === nearestMeters && h < nearest)) {
      nearest = h;
      nearestMeters = meters;
    }
  }
  return nearest >= 0 && nearestMeters <= searchMeters ? place(nearest, false, nearestMeters) : null;
}
