import { decodeSnapshotResults } from '../../src/core/plan/decode-snapshot';
import type { SnapshotResults } from '../../src/core/plan/plan-snapshot';

const ZERO_KPIS = {
  hamlets: 0, coveredMobile: 0, covered4g: 0, covered5g: 0, coveredFtth: 0, coveredMobileShare: 0, covered4gShare: 0, covered5gShare: 0, coveredFtthShare: 0,
  households: 0, coveredMobileHouseholdShare: null, covered4gHouseholdShare: null, covered5gHouseholdShare: null, ftthHouseholdCeiling: null, sites: 0, sharedSites: 0, sharedSiteShare: 0,
};

/** A case's results with the members it leaves out filled in, decoded as a file would be. */
export function snapshotResults(partial: object): SnapshotResults {
  const decoded = decodeSnapshotResults({ demo: false, kpis: ZERO_KPIS, targets: [], ...partial });
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
  return decoded.value;
}
