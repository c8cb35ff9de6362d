import { buildCoverageReport, withExtraBtsRecords, type CoverageAnalysis } from '../analyze-coverage';
import { distanceToHamletMeters } from '../coverage/hamlet-geometry';
import { SHARED_TOWER_OPERATOR, type BtsRecord, type KpiSet, type Technology } from '../types';
import { metersToDegrees } from '../units';
import { isSharingMet } from './sharing-requirement';
import { computeCoverageGain, type CoverageGain } from './coverage-gain';
import { locateProposal, type ProposalPlace } from './locate-proposal';
import { rankByGain } from './rank-proposals';
import type { PinnedBase } from './pin-proposals';
import { communeLabel, findRepeatedCommuneNames, nameRankedProposals } from './name-proposal';
import type { CandidateKind, SitingCandidate, SitingMessage } from './siting-types';
import { findTargetLayers, isMobileCovered, resolveAimLayers, type ProposalAim, type TargetLayer } from './target-layers';

/** A proposal as it stands on the map (placed by the solver or by the planner). */
export interface PlacedProposal {
  /** The record's `siteId`. */
  id: string;
  kind: CandidateKind;
  /** The existing site an upgrade joins. */
  hostSiteId?: string;
  lng: number;
  lat: number;
  /** The operator it adds; `SHARED_TOWER_OPERATOR` for a shared tower no operator is named for. */
  operator: string;
  technology: Technology;
  radiusMeters: number;
}

/** A hamlet a proposal brings to covered on one target layer. */
export interface HelpedHamlet {
  hamletId: string;
  name: string;
  commune: string;
  district: string;
  /** The commune as the list shows it: with its district when the name repeats ("Phường 1, TX Vĩnh Châu"). */
  communeLabel: string;
  /** The layer's operator (null = mobile broadband overall). */
  operator: string | null;
}

/** What the engine credits one proposal with. */
export interface EvaluatedProposal {
  id: string;
  /** 1 = adds the most (see `rankByGain`). */
  rank: number;
  /** Its name for people: code `proposal-name.*` and parameters (number, site, operator, commune); see `nameProposal`. */
  name: SitingMessage;
  /** A new tower's number: its place among the new towers in rank order ("Trạm mới số 3"), renumbered when an edit re-ranks the set. */
  number?: number;
  /** The hamlet it stands in (or the nearest), with commune and district. */
  place: ProposalPlace | null;
  /** Operators on its site once it is built (the engine's merged site; a shared tower names none). */
  operators: string[];
  /** Hamlets it is credited with bringing to covered, per layer. */
  helped: HelpedHamlet[];
  /** Households of the hamlets it is credited with. */
  householdsGained: number;
  /** It makes a single-operator site shared (an upgrade) or adds a shared tower. */
  makesShared: boolean;
}

/** A target layer's covered share (of hamlets or households) before and after. */
export interface LayerShare {
  operator: string | null;
  before: number;
  after: number;
}

/** The engine's verdict on a proposal set. */
export interface ProposalSetEvaluation {
  before: KpiSet;
  after: KpiSet;
  /** Target layers' covered shares. */
  layers: LayerShare[];
  /** The shared-site ratio before and after, against the aim's target (null without one). */
  sharing: { before: number; after: number; share: number; comparator: '>' | '>='; isMet: boolean } | null;
  /** In rank order. */
  proposals: EvaluatedProposal[];
  /** The analysis with the proposals added. */
  afterAnalysis: CoverageAnalysis;
  /** Whether the other proposals were already folded into a pinned base (an edit of the pinned one). */
  isPinned: boolean;
}

/** Options of {@link evaluateProposals}. */
export interface EvaluateOptions {
  /** The base's own KPIs, when the caller has them (saves one report). */
  baseKpis?: KpiSet;
  /** A base with every proposal but one folded in (see `pinProposals`). */
  pinned?: PinnedBase | null;
  /** Cost weights (default upgrade 1, new tower 3): cheaper proposals rank first on a tie. */
  weights?: { upgrade: number; new: number };
}

/**
 * The proposals as BTS records (what the engine and the site import see).
 * @param proposals the proposals
 * @returns one record per proposal, `siteId` = the proposal's id
 * @example toProposalRecords([proposal])[0].siteId // 'grid:3:4'
 */
export function toProposalRecords(proposals: readonly PlacedProposal[]): BtsRecord[] {
  return proposals.map((proposal) => ({ siteId: proposal.id, operator: proposal.operator, lng: proposal.lng, lat: proposal.lat, technologies: [proposal.technology], radiusMeters: proposal.radiusMeters }));
}

function asCandidate(proposal: PlacedProposal, weights: { upgrade: number; new: number }): SitingCandidate {
  const [record] = toProposalRecords([proposal]);
  return { id: proposal.id, kind: proposal.kind, source: 'user', weight: proposal.kind === 'upgrade' ? weights.upgrade : weights.new, record };
}

/** The analysis with the proposals added: from the pinned base when only the pinned proposal differs, else from the base. */
function analyseWithProposals(base: CoverageAnalysis, proposals: PlacedProposal[], pinned: PinnedBase | null): { analysis: CoverageAnalysis; isPinned: boolean } {
  if (pinned) {
    const others = toProposalRecords(proposals.filter((proposal) => proposal.id !== pinned.id));
    if (others.map(recordKey).join('\n') === pinned.othersKey) {
      return { analysis: withExtraBtsRecords(pinned.analysis, toProposalRecords(proposals.filter((proposal) => proposal.id === pinned.id))), isPinned: true };
    }
  }
  return { analysis: withExtraBtsRecords(base, [...base.extraRecords, ...toProposalRecords(proposals)]), isPinned: false };
}

/**
 * A record's identity for comparing proposal sets.
 * @param record a BTS record
 * @returns a key of its id, operator, position, technologies and radius
 * @example recordKey(record) // 'grid:3:4|Dùng chung|105.9|9.6|4G|3000'
 */
export function recordKey(record: BtsRecord): string {
  return `${record.siteId}|${record.operator}|${record.lng}|${record.lat}|${record.technologies.join(',')}|${record.radiusMeters ?? ''}`;
}

function layerShare(analysis: CoverageAnalysis, target: TargetLayer, value: (h: number) => number, total: number): number {
  const threshold = analysis.config.coveredThreshold.mobile;
  let covered = 0;
  for (let h = 0; h < analysis.prepared.length; h++) if (isMobileCovered(target.fractions[h], threshold)) covered += value(h);
  return total > 0 ? covered / total : 0;
}

/**
 * The engine's verdict on a proposal set, the same for the solver's answer and for any set the
 * planner edited: the base analysis re-run with the proposals added (`withExtraBtsRecords`; with a
 * pinned base only the pinned proposal's hamlets are recomputed), KPIs before and after, the target
 * layers' shares, the shared-site ratio against the aim's target, and the proposals ranked by what
 * each adds (`rankByGain`: a hamlet counts for a proposal that brings it to covered on its own, by
 * the engine's kernel; one covered only by several together goes to the first that reaches it),
 * each with its place, the hamlets it helps and its name (`nameRankedProposals`: new towers numbered
 * in the new rank order, the commune with its district where the name repeats).
 * @param base the analysis without the proposals
 * @param proposals the proposal set
 * @param aim what the set is judged against (operators, measure, coverage and shared-site targets)
 * @param options the base KPIs, a pinned base, cost weights
 * @returns the evaluation, proposals in rank order
 * @throws {SitingError} `too-many-operators` (a proposal for a tenth operator)
 * @example evaluateProposals(base, proposals, { operators: [], measure: 'hamlets', targetShare: 1, sharedTarget: null }).proposals[0].rank // 1
 */
export function evaluateProposals(base: CoverageAnalysis, proposals: PlacedProposal[], aim: ProposalAim, options: EvaluateOptions = {}): ProposalSetEvaluation {
  const weights = options.weights ?? { upgrade: 1, new: 3 };
  const { analysis: after, isPinned } = analyseWithProposals(base, proposals, options.pinned ?? null);
  const before = options.baseKpis ?? buildCoverageReport(base, []).kpis;
  const afterKpis = buildCoverageReport(after, []).kpis;
  const hamlets = base.input.hamlets;
  const value = (h: number) => (aim.measure === 'households' ? hamlets[h].households ?? 0 : 1);
  let total = 0;
  for (let h = 0; h < hamlets.length; h++) total += value(h);
  const { targetOperators, preferenceOperators } = resolveAimLayers(base, aim);
  const layers = findTargetLayers(base, targetOperators).map((target, t) => ({
    operator: target.key.operator,
    before: layerShare(base, target, value, total),
    after: layerShare(after, findTargetLayers(after, targetOperators)[t], value, total),
  }));

  const candidates = proposals.map((proposal) => asCandidate(proposal, weights));
  const gains: { gain: CoverageGain; isPreference: boolean }[] = [];
  if (aim.targetShare !== null) gains.push({ gain: computeCoverageGain(base, candidates, targetOperators), isPreference: false });
  if (preferenceOperators.length > 0) gains.push({ gain: computeCoverageGain(base, candidates, preferenceOperators), isPreference: true });
  const elements: { hamlet: number; operator: string | null; isPreference: boolean }[] = [];
  const alone: number[][] = proposals.map(() => []);
  const reach: number[][] = proposals.map(() => []);
  const threshold = base.config.coveredThreshold.mobile;
  // Each proposal's disc box, so the distance test runs only where the boxes overlap.
  const discBoxes = proposals.map((proposal) => {
    const [dLng, dLat] = metersToDegrees(proposal.radiusMeters * 1.01, proposal.lat);
    return [proposal.lng - dLng, proposal.lat - dLat, proposal.lng + dLng, proposal.lat + dLat];
  });
  for (const { gain, isPreference } of gains) {
    const afterFractions = findTargetLayers(after, gain.targets.map((target) => target.key.operator).filter((operator): operator is string => operator !== null));
    gain.elements.forEach((element, e) => {
      if (!isMobileCovered(afterFractions[element.target].fractions[element.hamlet], threshold)) return;
      const operator = gain.targets[element.target].key.operator;
      const index = elements.push({ hamlet: element.hamlet, operator, isPreference }) - 1;
      for (const p of gain.coveredBy[e]) alone[p].push(index);
      const [west, south, east, north] = base.prepared[element.hamlet].bbox;
      proposals.forEach((proposal, p) => {
        const box = discBoxes[p];
        if (operator !== null && proposal.operator !== operator) return;
        if (box[0] > east || box[2] < west || box[1] > north || box[3] < south) return;
        if (distanceToHamletMeters(base.prepared[element.hamlet], proposal.lng, proposal.lat) <= proposal.radiusMeters) reach[p].push(index);
      });
    });
  }
  const ranking = rankByGain({
    weights: candidates.map((candidate) => candidate.weight),
    alone,
    reach,
    elementValues: elements.map((element) => value(element.hamlet)),
    elementIsPreference: elements.map((element) => element.isPreference),
  });

  const siteOf = new Map<string, string[]>();
  for (const site of after.sites) for (const id of site.recordSiteIds) siteOf.set(id, site.operators.filter((operator) => operator !== SHARED_TOWER_OPERATOR));
  const sharedHosts = new Set(base.sites.filter((site) => site.shared).map((site) => site.id));
  const repeated = findRepeatedCommuneNames(hamlets);
  const places = ranking.order.map((p) => locateProposal(base, proposals[p].lng, proposals[p].lat, proposals[p].radiusMeters));
  // Named once the ranks are known: new towers are numbered in rank order.
  const names = nameRankedProposals(ranking.order.map((p, k) => ({ proposal: proposals[p], place: places[k] })), repeated);
  const evaluated = ranking.order.map((p, k): EvaluatedProposal => {
    const proposal = proposals[p];
    const helped = ranking.credited[p].map((index): HelpedHamlet => {
      const hamlet = hamlets[elements[index].hamlet];
      return { hamletId: hamlet.id, name: hamlet.name, commune: hamlet.commune, district: hamlet.district, communeLabel: communeLabel(hamlet, repeated), operator: elements[index].operator };
    });
    const distinct = [...new Set(ranking.credited[p].map((index) => elements[index].hamlet))];
    return {
      id: proposal.id,
      rank: k + 1,
      ...names[k],
      place: places[k],
      operators: siteOf.get(proposal.id) ?? [],
      helped,
      householdsGained: distinct.reduce((sum, h) => sum + (hamlets[h].households ?? 0), 0),
      makesShared: proposal.kind === 'upgrade' ? proposal.hostSiteId !== undefined && !sharedHosts.has(proposal.hostSiteId) : proposal.operator === SHARED_TOWER_OPERATOR,
    };
  });
  const sharedTarget = aim.sharedTarget;
  return {
    before,
    after: afterKpis,
    layers,
    sharing: sharedTarget
      ? { before: before.sharedSiteShare, after: afterKpis.sharedSiteShare, ...sharedTarget, isMet: isSharingMet(sharedTarget, { sites: afterKpis.sites, shared: afterKpis.sharedSites }) }
      : null,
    proposals: evaluated,
    afterAnalysis: after,
    isPinned,
  };
}
