// The site proposals' part of a project file, kept apart so the project code does not depend on
// the proposals store's internals.
import { selectStoredProposals, useProposalsStore, type StoredProposals } from '../../state/proposals-store';
import type { ProjectFile } from '../../state/project-file';

/** The proposal set to save with the project. */
export function readProjectProposals(): ProjectFile['proposals'] {
  return selectStoredProposals(useProposalsStore.getState()) as unknown as ProjectFile['proposals'];
}

/** Restores the project's proposal set, or clears the current one when the project has none. */
export function restoreProjectProposals(proposals: ProjectFile['proposals']): void {
  const { actions } = useProposalsStore.getState();
  if (proposals === undefined) actions.clearProposals();
  else actions.load(proposals as unknown as Partial<StoredProposals>);
}
