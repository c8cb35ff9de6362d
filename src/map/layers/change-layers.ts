import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { LAYER_NAMES, type LayerName, type SnapshotChange, type SnapshotHamlet } from '../../core';
import { CHANGE_COLORS } from './palette';

/** A hamlet's change on a layer: newly covered, lost, still covered, still not covered, or new since then. */
export type ChangeStatus = keyof typeof CHANGE_COLORS;

/** The feature property holding a hamlet's change on a layer. */
export function changeProperty(layer: LayerName): string {
  return `change_${layer}`;
}

/** Fill colour by the hamlet's change on the chosen layer (grey when it has none: not in the later results). */
export function buildChangeFillColor(layer: LayerName): ExpressionSpecification {
  return ['match', ['get', changeProperty(layer)], 'newly', CHANGE_COLORS.newly, 'lost', CHANGE_COLORS.lost, 'covered', CHANGE_COLORS.covered, 'none', CHANGE_COLORS.none, 'new', CHANGE_COLORS.new, '#FFFFFF'];
}

/**
 * Each later hamlet's change per layer, by hamlet id.
 * @param change the comparison's change
 * @param after the later results' hamlets
 */
export function buildChangeStatuses(change: SnapshotChange, after: readonly SnapshotHamlet[]): Map<string, Record<LayerName, ChangeStatus>> {
  const idsOf = (list: { id: string }[]) => new Set(list.map((item) => item.id));
  const newly = Object.fromEntries(LAYER_NAMES.map((layer) => [layer, idsOf(change.hamlets.newlyCovered[layer])])) as Record<LayerName, Set<string>>;
  const lost = Object.fromEntries(LAYER_NAMES.map((layer) => [layer, idsOf(change.hamlets.lost[layer])])) as Record<LayerName, Set<string>>;
  const onlyAfter = idsOf(change.hamlets.onlyAfter);
  const statuses = new Map<string, Record<LayerName, ChangeStatus>>();
  for (const hamlet of after) {
    const status = {} as Record<LayerName, ChangeStatus>;
    for (const layer of LAYER_NAMES) {
      status[layer] = onlyAfter.has(hamlet.id) ? 'new' : newly[layer].has(hamlet.id) ? 'newly' : lost[layer].has(hamlet.id) ? 'lost' : hamlet.covered[layer] ? 'covered' : 'none';
    }
    statuses.set(hamlet.id, status);
  }
  return statuses;
}
