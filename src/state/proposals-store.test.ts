import { beforeEach, describe, expect, it } from 'vitest';
import type { ProposalEvaluation, ProposalRunSummary, ProposedSite } from '../worker/proposal-messages';
import { SHARED_TOWER_OPERATOR } from '../core';
import { DEFAULT_PROPOSAL_OPTIONS, selectRankedProposals, selectStoredProposals, selectTargetOperators, useProposalsStore } from './proposals-store';

const upgrade: ProposedSite = {
  id: 'upgrade:ST1:VNPT',
  kind: 'upgrade',
  hostSiteId: 'ST1',
  lng: 105.9,
  lat: 9.6,
  operator: 'VNPT',
  technology: '4G',
  radiusMeters: 3000,
  isEdited: false,
};
const { hostSiteId: _host, ...withoutHost } = upgrade;
const tower: ProposedSite = { ...withoutHost, id: 'grid:1:2:VNPT', kind: 'new', lng: 106, lat: 9.5 };

const summary = { options: { ...DEFAULT_PROPOSAL_OPTIONS, operators: ['VNPT'] }, solveMs: 10 } as ProposalRunSummary;
/** The engine ranked the tower first (it covers more), the upgrade second. */
const evaluated = (id: string, rank: number, households: number) => ({ id, rank, name: { code: 'proposal-name.new', params: {} }, place: null, operators: [], helped: [], householdsGained: households, makesShared: false });
const evaluation = { proposals: [evaluated(tower.id, 1, 40), evaluated(upgrade.id, 2, 0)] } as unknown as ProposalEvaluation;

const actions = () => useProposalsStore.getState().actions;

describe('proposals store', () => {
  beforeEach(() => actions().reset());

  it('keeps a finished run with its evaluation and bumps the revision', () => {
    actions().startRun();
    expect(useProposalsStore.getState().status).toBe('running');
    actions().finishRun(summary, [upgrade, tower], evaluation);
    const state = useProposalsStore.getState();
    expect(state.status).toBe('done');
    expect(state.revision).toBe(1);
    expect(selectTargetOperators(state)).toEqual(['VNPT']);
    // The list follows the engine's ranks, not the order the proposals were stored in.
    expect(selectRankedProposals(state).map((proposal) => [proposal.rank, proposal.id, proposal.evaluated?.householdsGained ?? null])).toEqual([
      [1, 'grid:1:2:VNPT', 40],
      [2, 'upgrade:ST1:VNPT', 0],
    ]);
  });

  it('turns a moved upgrade into an edited new tower (its number comes from its rank, at the next evaluation)', () => {
    actions().finishRun(summary, [upgrade, tower], evaluation);
    actions().moveProposal(upgrade.id, 105.95, 9.65);
    const moved = useProposalsStore.getState().proposals[0];
    expect(moved).toEqual({ id: upgrade.id, kind: 'new', lng: 105.95, lat: 9.65, operator: 'VNPT', technology: '4G', radiusMeters: 3000, isEdited: true });
    expect(useProposalsStore.getState().proposals[1]).toBe(tower);
  });

  it('puts a proposal the engine has not judged yet after the ranked ones', () => {
    actions().finishRun(summary, [upgrade, tower], evaluation);
    actions().addProposal(106.1, 9.4, 'VNPT', 3000);
    expect(selectRankedProposals(useProposalsStore.getState()).map((proposal) => [proposal.rank, proposal.id, proposal.evaluated === null])).toEqual([
      [1, 'grid:1:2:VNPT', false],
      [2, 'upgrade:ST1:VNPT', false],
      [3, 'user:1:VNPT', true],
    ]);
  });

  it('adds user sites with numbered ids and the run’s technology, a shared tower without an operator in its id, and deletes them', () => {
    actions().finishRun({ ...summary, options: { ...summary.options, technology: '5G' } }, [tower], evaluation);
    actions().addProposal(106.1, 9.4, SHARED_TOWER_OPERATOR, 1000);
    actions().addProposal(106.2, 9.4, 'Viettel', 1000);
    const ids = useProposalsStore.getState().proposals.map((proposal) => proposal.id);
    expect(ids).toEqual(['grid:1:2:VNPT', 'user:1', 'user:2:Viettel']);
    expect(useProposalsStore.getState().proposals[1]).toMatchObject({ technology: '5G', radiusMeters: 1000, kind: 'new', operator: SHARED_TOWER_OPERATOR });
    expect(useProposalsStore.getState().selectedId).toBe('user:2:Viettel');
    actions().deleteProposal('user:2:Viettel');
    expect(useProposalsStore.getState().selectedId).toBeNull();
    expect(useProposalsStore.getState().proposals).toHaveLength(2);
  });

  it('drops an evaluation that a later edit overtook', () => {
    actions().finishRun(summary, [upgrade, tower], evaluation);
    const revision = useProposalsStore.getState().revision;
    actions().setEvaluating();
    actions().deleteProposal(tower.id);
    actions().setEvaluation({ ...evaluation, durationMs: 5 }, revision);
    expect(useProposalsStore.getState().evaluation).toBe(evaluation);
    expect(useProposalsStore.getState().isEvaluating).toBe(true);
    actions().setEvaluation({ ...evaluation, durationMs: 6 }, revision + 1);
    expect(useProposalsStore.getState().evaluation?.durationMs).toBe(6);
    expect(useProposalsStore.getState().isEvaluating).toBe(false);
  });

  it('stores and restores the set (options a stored copy lacks are filled by its decoder)', () => {
    actions().finishRun(summary, [upgrade], evaluation);
    const stored = selectStoredProposals(useProposalsStore.getState());
    actions().reset();
    actions().load({ ...stored, options: { ...DEFAULT_PROPOSAL_OPTIONS, operators: ['VNPT'] } });
    const state = useProposalsStore.getState();
    expect(state.proposals).toEqual([upgrade]);
    expect(state.options).toEqual({ ...DEFAULT_PROPOSAL_OPTIONS, operators: ['VNPT'] });
    expect(state.status).toBe('idle');
  });
});
