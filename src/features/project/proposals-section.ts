// The site proposals' part of a project file, kept apart so the project code does not depend on
// the proposals store's internals.
import { selectStoredProposals, useProposalsStore, type StoredProposals } from '../../state/proposals-store';

/** The proposal set to save with the project. */
export function readProjectProposals(): StoredProposals {
  return selectStoredProposals(useProposalsStore.getState());
}

/** Restores the project's (decoded) proposal set, or clears the current one when the project has none. */
export function restoreProjectProposals(proposals: StoredProposals | undefined): void {
  const { actions } = useProposalsStore.getState();
  if (proposals === undefined) actions.clearProposals();
  else actions.load(proposals);
}
