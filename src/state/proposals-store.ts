import { create } from 'zustand';
import { SHARED_TOWER_OPERATOR, type EvaluatedProposal, type SitingMessage, type Technology } from '../core';
import type { ProposalEvaluation, ProposalRunOptions, ProposalRunSummary, ProposedSite } from '../worker/proposal-messages';

export const DEFAULT_PROPOSAL_OPTIONS: ProposalRunOptions = {
  operators: [],
  aim: 'coverage',
  targetShare: 1,
  sharedTarget: 0.3,
  measure: 'hamlets',
  problem: 'min-set',
  budget: 5,
  method: 'exact',
  gridSpacingMeters: 500,
  technology: '4G',
  radiusMeters: null,
  timeLimitSeconds: 10,
};

/** The part of the proposals state kept across reloads. */
export interface StoredProposals {
  options: ProposalRunOptions;
  summary: ProposalRunSummary | null;
  proposals: ProposedSite[];
  /** Counter for the ids of user-placed sites. */
  nextUserNumber: number;
}

export interface ProposalProgress {
  phase: string;
  done: number;
  total: number;
}

export interface ProposalsState extends StoredProposals {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  progress: ProposalProgress | null;
  /** Why the last run failed, as a siting message (`error.<reason>`), translated where it is shown. */
  error: SitingMessage | null;
  /** The engine's verdict on the current set (null until the worker has evaluated it). */
  evaluation: ProposalEvaluation | null;
  /** True while an edit waits for its re-analysis. */
  isEvaluating: boolean;
  /** Clicking the map adds a site instead of selecting. */
  isAddMode: boolean;
  /** The proposal picked in the list or on the map. */
  selectedId: string | null;
  /** Bumped on every change of the set, so evaluations that an edit overtook are dropped. */
  revision: number;
  actions: {
    setOptions(patch: Partial<ProposalRunOptions>): void;
    startRun(): void;
    setProgress(progress: ProposalProgress): void;
    finishRun(summary: ProposalRunSummary, proposals: ProposedSite[], evaluation: ProposalEvaluation): void;
    failRun(error: SitingMessage): void;
    cancelRun(): void;
    /** Moves a proposal; an upgrade moved away from its host becomes a new tower. */
    moveProposal(id: string, lng: number, lat: number): void;
    /** Adds a new tower for `operator` (`SHARED_TOWER_OPERATOR`: a shared tower) at a point (the run's technology and radius). */
    addProposal(lng: number, lat: number, operator: string, radiusMeters: number): void;
    deleteProposal(id: string): void;
    clearProposals(): void;
    setEvaluating(): void;
    setEvaluation(evaluation: ProposalEvaluation | null, revision: number): void;
    setAddMode(isAddMode: boolean): void;
    select(id: string | null): void;
    /** Replaces the set with a decoded one (a project file, storage). */
    load(stored: StoredProposals): void;
    reset(): void;
  };
}

const initialState = {
  options: DEFAULT_PROPOSAL_OPTIONS,
  summary: null,
  proposals: [] as ProposedSite[],
  nextUserNumber: 1,
  status: 'idle' as const,
  progress: null,
  error: null,
  evaluation: null,
  isEvaluating: false,
  isAddMode: false,
  selectedId: null,
  revision: 0,
};

export const useProposalsStore = create<ProposalsState>()((set) => ({
  ...initialState,
  actions: {
    setOptions: (patch) => set((state) => ({ options: { ...state.options, ...patch } })),
    startRun: () => set({ status: 'running', progress: null, error: null, isAddMode: false }),
    setProgress: (progress) => set({ progress }),
    finishRun: (summary, proposals, evaluation) =>
      set((state) => ({ status: 'done', progress: null, summary, proposals, evaluation, isEvaluating: false, selectedId: null, revision: state.revision + 1 })),
    failRun: (error) => set({ status: 'error', progress: null, error }),
    cancelRun: () => set({ status: 'cancelled', progress: null, isEvaluating: false }),
    moveProposal: (id, lng, lat) =>
      set((state) => ({
        proposals: state.proposals.map((proposal) => {
          if (proposal.id !== id) return proposal;
          // An upgrade moved off its host is a new tower (numbered, like every new tower, by its rank once re-evaluated).
          const { hostSiteId: _host, ...rest } = proposal;
          return { ...rest, kind: 'new' as const, lng, lat, isEdited: true };
        }),
        revision: state.revision + 1,
      })),
    addProposal: (lng, lat, operator, radiusMeters) =>
      set((state) => {
        const technology: Technology = state.summary?.options.technology ?? state.options.technology;
        const proposal: ProposedSite = {
          id: operator === SHARED_TOWER_OPERATOR ? `user:${state.nextUserNumber}` : `user:${state.nextUserNumber}:${operator}`,
          kind: 'new',
          lng,
          lat,
          operator,
          technology,
          radiusMeters,
          isEdited: true,
        };
        return { proposals: [...state.proposals, proposal], nextUserNumber: state.nextUserNumber + 1, selectedId: proposal.id, revision: state.revision + 1 };
      }),
    deleteProposal: (id) =>
      set((state) => ({
        proposals: state.proposals.filter((proposal) => proposal.id !== id),
        selectedId: state.selectedId === id ? null : state.selectedId,
        revision: state.revision + 1,
      })),
    clearProposals: () => set((state) => ({ proposals: [], summary: null, evaluation: null, selectedId: null, status: 'idle', revision: state.revision + 1 })),
    setEvaluating: () => set({ isEvaluating: true }),
    setEvaluation: (evaluation, revision) =>
      set((state) => (state.revision === revision ? { evaluation, isEvaluating: false } : {})),
    setAddMode: (isAddMode) => set({ isAddMode }),
    select: (selectedId) => set({ selectedId }),
    load: (stored) =>
      set((state) => ({
        options: stored.options,
        summary: stored.summary,
        proposals: stored.proposals,
        nextUserNumber: stored.nextUserNumber,
        evaluation: null,
        selectedId: null,
        revision: state.revision + 1,
      })),
    reset: () => set({ ...initialState }),
  },
}));

/** The persisted part of the state. */
export const selectStoredProposals = (state: ProposalsState): StoredProposals => ({
  options: state.options,
  summary: state.summary,
  proposals: state.proposals,
  nextUserNumber: state.nextUserNumber,
});

/** The options the current set is judged by: the last run's, else the panel's. */
export const selectJudgingOptions = (state: ProposalsState): ProposalRunOptions => state.summary?.options ?? state.options;

/** Operators whose layers the current set is judged on: the last run's, else the options'. */
export const selectTargetOperators = (state: ProposalsState): string[] => selectJudgingOptions(state).operators;

/** A proposal with its place in the list and what the engine credits it with (null until evaluated). */
export interface RankedProposal extends ProposedSite {
  rank: number;
  evaluated: EvaluatedProposal | null;
}

/**
 * Proposals in the engine's rank order (recomputed after every edit), each joined with its
 * evaluation by id; a proposal the engine has not judged yet (an edit on its way) comes last.
 */
export function selectRankedProposals(state: Pick<ProposalsState, 'proposals' | 'evaluation'>): RankedProposal[] {
  const evaluated = new Map((state.evaluation?.proposals ?? []).map((proposal) => [proposal.id, proposal]));
  const order = (proposal: ProposedSite) => evaluated.get(proposal.id)?.rank ?? Infinity;
  return state.proposals
    .map((proposal, index) => ({ proposal, index }))
    .sort((a, b) => order(a.proposal) - order(b.proposal) || a.index - b.index)
    .map(({ proposal }, k) => ({ ...proposal, rank: k + 1, evaluated: evaluated.get(proposal.id) ?? null }));
}

export const selectProposalActions = (state: ProposalsState) => state.actions;
