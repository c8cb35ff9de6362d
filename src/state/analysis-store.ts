import { create } from 'zustand';
import { isCoveredFraction, operatorFractionOf, type CoverageReport, type HamletResult, type LayerName } from '../core';

export interface AnalysisState {
  report: CoverageReport | null;
  status: 'idle' | 'running' | 'done' | 'error';
  /** Share of hamlets done in the running analysis, in [0, 1]. */
  progress: number;
  durationMs: number | null;
  error: string | null;
  actions: {
    start(): void;
    setProgress(progress: number): void;
    finish(report: CoverageReport, durationMs: number): void;
    fail(message: string): void;
    reset(): void;
  };
}

const initialState = { report: null, status: 'idle' as const, progress: 0, durationMs: null, error: null };

export const useAnalysisStore = create<AnalysisState>()((set) => ({
  ...initialState,
  actions: {
    start: () => set({ status: 'running', progress: 0, error: null }),
    setProgress: (progress) => set({ progress }),
    finish: (report, durationMs) => set({ report, durationMs, status: 'done', progress: 1 }),
    fail: (message) => set({ status: 'error', error: message }),
    reset: () => set({ ...initialState }),
  },
}));

export const selectReport = (state: AnalysisState) => state.report;
export const selectKpis = (state: AnalysisState) => state.report?.kpis ?? null;
export const selectTargets = (state: AnalysisState) => state.report?.targets ?? [];

/** Filters and sort of the uncovered-hamlet list: district and commune by the report's unit keys (codes); `''` = all. */
export interface UncoveredListFilters {
  district: string;
  commune: string;
  operator: string;
  sortBy: 'households' | 'fraction';
}

/**
 * Hamlets not covered on a layer (partly covered included), after the list's filters. With an operator
 * chosen on a mobile layer, a hamlet is listed when that operator alone stays below `mobileThreshold`.
 */
export function selectUncoveredHamlets(report: CoverageReport | null, layer: LayerName, filters: UncoveredListFilters, mobileThreshold: number): HamletResult[] {
  if (!report) return [];
  const list = report.hamlets.filter((hamlet) => {
    if (filters.district && hamlet.groupKeys.district !== filters.district) return false;
    if (filters.commune && hamlet.groupKeys.commune !== filters.commune) return false;
    if (filters.operator && layer !== 'ftth') return !isCoveredFraction(operatorFractionOf(hamlet, filters.operator, layer), mobileThreshold);
    return !hamlet.covered[layer];
  });
  const fractionOf = (hamlet: HamletResult) => (filters.operator && layer !== 'ftth' ? operatorFractionOf(hamlet, filters.operator, layer) : hamlet.fraction[layer]);
  return list.sort((a, b) =>
    filters.sortBy === 'households' ? (b.households ?? 0) - (a.households ?? 0) || a.id.localeCompare(b.id) : fractionOf(a) - fractionOf(b) || a.id.localeCompare(b.id),
  );
}
