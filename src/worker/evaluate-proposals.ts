import {
  buildCoverageReport,
  distanceToHamletMeters,
  findTargetLayers,
  isMobileCovered,
  withExtraBtsRecords,
  type CoverageAnalysis,
  type KpiSet,
} from '../core';
import { toBtsRecords, type EvaluationRequest, type ProposalEvaluation, type TargetLayerShare } from './proposal-messages';

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
 * target layers' shares, and per proposal the hamlets it newly covers. A newly covered hamlet goes to
 * the proposal the solver credited it to (while that proposal stays where the solver put it), else to
 * the first proposal in list order that reaches it.
 */
export function evaluateProposals(base: CoverageAnalysis, baseKpis: KpiSet, request: EvaluationRequest): ProposalEvaluation {
  const started = performance.now();
  const after = withExtraBtsRecords(base, toBtsRecords(request.proposals));
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
  };
}
