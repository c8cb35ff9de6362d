import { withExtraBtsRecords, type CoverageAnalysis } from '../analyze-coverage';
import { buildCoverageShapes } from '../coverage/coverage-shapes';
import { indexShapes } from '../coverage/compute-coverage';
import { recordKey, toProposalRecords, type PlacedProposal } from './evaluate-proposals';

/** The base analysis with every proposal but one folded into its own sites, so editing that one recomputes only its hamlets. */
export interface PinnedBase {
  /** The proposal left out (the one being edited). */
  id: string;
  /** The other proposals' records as they were pinned, keyed for comparison. */
  othersKey: string;
  /** The analysis whose input holds the base records and the other proposals'. */
  analysis: CoverageAnalysis;
}

/**
 * Folds every proposal except `id` into the base: their records join the input's, their shapes the
 * indexed base shapes, their coverage the fractions — as if the input had held them from the
 * start, so `withExtraBtsRecords` on the result with the one proposal recomputes only the hamlets
 * that proposal reaches. Costs about one ordinary evaluation; done when a proposal is picked,
 * before it is dragged. The result equals a plain re-run (`evaluateProposals` checks the others
 * have not moved before using it).
 * @param base the analysis without proposals (and without extra records)
 * @param proposals the whole proposal set
 * @param id the proposal about to be edited
 * @returns the pinned base
 * @example evaluateProposals(base, moved, aim, { pinned: pinProposals(base, proposals, 'grid:3:4') })
 */
export function pinProposals(base: CoverageAnalysis, proposals: PlacedProposal[], id: string): PinnedBase {
  const others = toProposalRecords(proposals.filter((proposal) => proposal.id !== id));
  const withOthers = withExtraBtsRecords(base, [...base.extraRecords, ...others]);
  const input = { ...base.input, btsRecords: [...base.input.btsRecords, ...base.extraRecords, ...others] };
  const shapes = indexShapes(buildCoverageShapes(input, base.config, withOthers.layerKeys).shapes);
  return { id, othersKey: others.map(recordKey).join('\n'), analysis: { ...withOthers, input, base: shapes, extraRecords: [], extra: null } };
}
