import {
  buildCoverageReport,
  buildCoverageShapes,
  distanceToHamletMeters,
  findTargetLayers,
  indexShapes,
  isMobileCovered,
  withExtraBtsRecords,
  type BtsRecord,
  type CoverageAnalysis,
  type KpiSet,
} from '../core';
import { toBtsRecords, type EvaluationRequest, type ProposalEvaluation, type ProposedSite, type TargetLayerShare } from './proposal-messages';

/** The base analysis with every proposal but one folded into its own sites, so editing that one recomputes only its hamlets. */
export interface PinnedBase {
  /** The proposal left out (the one being edited). */
  id: string;
  /** The other proposals as they were pinned, keyed for comparison. */
  othersKey: string;
  analysis: CoverageAnalysis;
}

function recordKey(record: BtsRecord): string {
  return `${record.siteId}|${record.operator}|${record.lng}|${record.lat}|${record.technologies.join(',')}|${record.radiusMeters ?? ''}`;
}

/**
 * Folds every proposal except `id` into the base: their records join the input's, their shapes the
 * indexed base shapes, their coverage the fractions. Costs about one ordinary evaluation; done when a
 * proposal is picked, before it is dragged.
 * NOTE: builds a `CoverageAnalysis` by hand (input, base shapes, no extra records); it relies on
 * `withExtraBtsRecords` recomputing exactly the hamlets its extra records reach.
 */
export function pinProposals(base: CoverageAnalysis, proposals: ProposedSite[], id: string): PinnedBase {
  const others = toBtsRecords(proposals.filter((proposal) => proposal.id !== id));
  const withOthers = withExtraBtsRecords(base, others);
  const input = { ...base.input, btsRecords: [...base.input.btsRecords, ...others] };
  const shapes = indexShapes(buildCoverageShapes(input, base.config, base.layerKeys).shapes);
  return { id, othersKey: others.map(recordKey).join('\n'), analysis: { ...withOthers, input, base: shapes, extraRecords: [], extra: null } };
}

/** The analysis with `proposals` added: from the pinned base when only the pinned proposal differs, else from the base. */
export function analyseWithProposals(base: CoverageAnalysis, proposals: ProposedSite[], pinned: PinnedBase | null): { analysis: CoverageAnalysis; isPinned: boolean } {
  if (pinned) {
    const others = toBtsRecords(proposals.filter((proposal) => proposal.id !== pinned.id));
    if (others.map(recordKey).join('\n') === pinned.othersKey) {
      return { analysis: withExtraBtsRecords(pinned.analysis, toBtsRecords(proposals.filter((proposal) => proposal.id === pinned.id))), isPinned: true };
    }
  }
  return { analysis: withExtraBtsRecords(base, toBtsRecords(proposals)), isPinned: false };
}

/** Covered share of each target layer, and which hamlets are covered on all of them. */
function measureTargets(analysis: CoverageAnalysis, operators: string[], measure: 'hamlets' | 'households'): { shares: TargetLayerShare[]; isCovered: Uint8Array } {
  const hamlets = analysis.input.hamlets;
  const value = (h: number) => (measure === 'households' ? hamlets[h].households ?? 0 : 1);
  const threshold = analysis.config.coveredThreshold.mobile;
  let total = 0;
  for (let h = 0; h < hamlets.length; h++) total += value(h);
  const isCovered = new Uint8Array(hamlets.length).fill(1);
  const shares = findTargetLayers(analysis, operators).map((target) => {
    let covered = 0;
    for (let h = 0; h < hamlets.length; h++) {
      if (isMobileCovered(target.fractions[h], threshold)) covered += value(h);
      else isCovered[h] = 0;
    }
    return { operator: target.key.operator, share: total > 0 ? covered / total : 0 };
  });
  return { shares, isCovered };
}

/**
 * The engine's verdict on a proposal set: the base analysis with the proposals as extra records
 * (`withExtraBtsRecords`, only the hamlets they reach are recomputed), KPIs before and after, the
 * target layers' shares (with a pinned base, only the unpinned proposal's hamlets are recomputed), and per proposal the hamlets it newly covers. A newly covered hamlet goes to
 * the proposal the solver credited it to (while that proposal stays where the solver put it), else to
 * the first proposal in list order that reaches it.
 */
export function evaluateProposals(base: CoverageAnalysis, baseKpis: KpiSet, request: EvaluationRequest, pinned: PinnedBase | null = null): ProposalEvaluation {
  const started = performance.now();
  const { analysis: after, isPinned } = analyseWithProposals(base, request.proposals, pinned);
  const afterKpis = buildCoverageReport(after, []).kpis;
  const durationMs = performance.now() - started;
  const beforeTargets = measureTargets(base, request.operators, request.measure);
  const afterTargets = measureTargets(after, request.operators, request.measure);
  const hamlets = base.input.hamlets;
  const claimedBy = new Map<string, number>();
  request.proposals.forEach((proposal, p) => {
    for (const id of proposal.isEdited ? [] : proposal.solverNewlyCovered) if (!claimedBy.has(id)) claimedBy.set(id, p);
  });
  const gains = request.proposals.map((proposal) => ({ id: proposal.id, hamlets: [] as { id: string; name: string }[], households: 0 }));
  for (let h = 0; h < hamlets.length; h++) {
    if (beforeTargets.isCovered[h] || !afterTargets.isCovered[h]) continue;
    let owner = claimedBy.get(hamlets[h].id);
    if (owner === undefined) {
      owner = request.proposals.findIndex((proposal) => distanceToHamletMeters(base.prepared[h], proposal.lng, proposal.lat) <= proposal.radiusMeters);
    }
    if (owner < 0) continue;
    gains[owner].hamlets.push({ id: hamlets[h].id, name: hamlets[h].name });
    gains[owner].households += hamlets[h].households ?? 0;
  }
  return {
    before: baseKpis,
    after: afterKpis,
    targetBefore: beforeTargets.shares,
    targetAfter: afterTargets.shares,
    measure: request.measure,
    gains,
    durationMs,
    isPinned,
  };
}
