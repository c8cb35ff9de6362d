import { computePathLossDb, isInModelRange, selectPathLossModel } from './compute-path-loss';
import { maxAllowedPathLossDb, type LinkBudget } from './link-budget';
import type { PathLossModel, PropagationEnvironment } from './path-loss-types';

/** A site's reach and how it was found. */
export interface SiteReach {
  radiusMeters: number;
  model: PathLossModel;
  maxPathLossDb: number;
  /** The reach lies outside the distances, heights or frequencies the model was fitted for. */
  isExtrapolated: boolean;
}

/** Reach is looked for between these distances, metres. */
const MIN_REACH_METERS = 10;
const MAX_REACH_METERS = 50000;

/**
 * A site's reach from its antenna height and frequency: the distance at which the model's median
 * path loss reaches the link budget's allowed loss (so the median RSRP there is the edge level).
 * Found by bisection (every model's loss grows with distance), to a tenth of a metre, between 10 m
 * and 50 km.
 * @param site antenna height (m), frequency (MHz) and the land around it
 * @param budget the link budget
 * @param model the path-loss model (default: chosen by frequency)
 * @returns the radius, the model, the allowed loss and whether the answer is extrapolated
 * @throws never
 * @example computeSiteReach({ heightMeters: 40, frequencyMhz: 900, environment: 'suburban' }, DEFAULT_LINK_BUDGETS['4G']).radiusMeters // ≈ 5,500
 */
export function computeSiteReach(
  site: { heightMeters: number; frequencyMhz: number; environment: PropagationEnvironment },
  budget: LinkBudget,
  model: PathLossModel = selectPathLossModel(site.frequencyMhz, site.environment),
): SiteReach {
  const allowed = maxAllowedPathLossDb(budget);
  const lossAt = (distanceMeters: number): number =>
    computePathLossDb({ frequencyMhz: site.frequencyMhz, baseHeightMeters: site.heightMeters, mobileHeightMeters: budget.receiverHeightMeters, distanceMeters, environment: site.environment }, model);
  let low = MIN_REACH_METERS;
  let high = MAX_REACH_METERS;
  let radius: number;
  if (!(lossAt(low) < allowed)) radius = low;
  else if (lossAt(high) <= allowed) radius = high;
  else {
    while (high - low > 0.1) {
      const middle = (low + high) / 2;
      if (lossAt(middle) <= allowed) low = middle;
      else high = middle;
    }
    radius = (low + high) / 2;
  }
  const isExtrapolated = !isInModelRange({ frequencyMhz: site.frequencyMhz, baseHeightMeters: site.heightMeters, mobileHeightMeters: budget.receiverHeightMeters, distanceMeters: radius, environment: site.environment }, model);
  return { radiusMeters: radius, model, maxPathLossDb: allowed, isExtrapolated };
}
