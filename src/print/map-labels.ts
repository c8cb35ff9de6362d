/**
 * Labels of the printed map: a point per district and per commune (placed on one of its own hamlets, so
 * it never lands in a neighbour), and a placement that keeps labels apart and inside the frame, most
 * important first (district, then keys, then commune, then hamlet names).
 */
import type { Hamlet, HamletResult } from '../core';
import { boxesOverlap, hamletLabelPoint } from './map-projection';
import type { FrameMm, MeasureText, PrintItem, TextHalo } from './print-page';

export interface UnitLabelPoint {
  key: string;
  name: string;
  lng: number;
  lat: number;
}

/**
 * One label point per unit of `grouping` (the report's keys): the label point of the unit's hamlet
 * nearest to the area-weighted mean of its hamlets' points.
 */
export function buildUnitLabelPoints(hamlets: Hamlet[], results: Map<string, HamletResult>, grouping: string, names: Map<string, string>): UnitLabelPoint[] {
  const units = new Map<string, { points: [number, number][]; weights: number[] }>();
  for (const hamlet of hamlets) {
    const result = results.get(hamlet.id);
    const key = result && Object.hasOwn(result.groupKeys, grouping) ? result.groupKeys[grouping] : null;
    const point = hamletLabelPoint(hamlet);
    if (key === null || !point || !names.has(key)) continue;
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = { points: [], weights: [] }));
    unit.points.push(point);
    unit.weights.push(Math.max(result?.areaKm2 ?? 1, 1e-6));
  }
  const out: UnitLabelPoint[] = [];
  for (const [key, unit] of units) {
    const total = unit.weights.reduce((sum, weight) => sum + weight, 0);
    const mx = unit.points.reduce((sum, point, i) => sum + point[0] * unit.weights[i], 0) / total;
    const my = unit.points.reduce((sum, point, i) => sum + point[1] * unit.weights[i], 0) / total;
    let best = unit.points[0];
    for (const point of unit.points) if ((point[0] - mx) ** 2 + (point[1] - my) ** 2 < (best[0] - mx) ** 2 + (best[1] - my) ** 2) best = point;
    out.push({ key, name: names.get(key)!, lng: best[0], lat: best[1] });
  }
  return out;
}

export interface LabelCandidate {
  text: string;
  /** Anchor point (the label's centre) in mm. */
  x: number;
  y: number;
  sizePt: number;
  isBold: boolean;
  color: string;
  halo: TextHalo;
  /**
   * Placed whatever it overlaps when no free place is found (district names; the numbered keys, which
   * must sit on their hamlet and are not moved).
   */
  isRequired?: boolean;
  /** Keeps the label on its point (no shift above or below). */
  isFixed?: boolean;
}

const PT_TO_MM = 25.4 / 72;

/**
 * Places labels in the given order: each at its point, or just above, below or beside it, where its box
 * stays inside `frame` and clear of `blocked` boxes and of labels placed before it; a label found no
 * place is left out, unless it is required.
 * @returns text items (anchor middle) for the placed labels
 */
export function placeLabels(candidates: LabelCandidate[], frame: FrameMm, measure: MeasureText, blocked: number[][] = []): PrintItem[] {
  const placed: number[][] = [...blocked];
  const items: PrintItem[] = [];
  const inset = 0.8;
  for (const candidate of candidates) {
    const height = candidate.sizePt * PT_TO_MM;
    const width = measure(candidate.text, candidate.sizePt, candidate.isBold);
    const pad = candidate.halo.widthMm + 0.3;
    const shifts = candidate.isFixed ? [[0, 0]] : [[0, 0], [0, -height * 1.1], [0, height * 1.1], [width * 0.6, 0], [-width * 0.6, 0], [0, -height * 2.2], [0, height * 2.2]];
    const boxAt = ([dx, dy]: number[]) => [candidate.x + dx - width / 2 - pad, candidate.y + dy - height / 2 - pad, candidate.x + dx + width / 2 + pad, candidate.y + dy + height / 2 + pad];
    const isInside = (box: number[]) => box[0] >= frame.x + inset && box[2] <= frame.x + frame.width - inset && box[1] >= frame.y + inset && box[3] <= frame.y + frame.height - inset;
    const isFree = (box: number[]) => isInside(box) && !placed.some((other) => boxesOverlap(box, other));
    // Text is not clipped to the frame: even a required label is left out when it would cross the edge.
    const shift = shifts.find((candidateShift) => isFree(boxAt(candidateShift))) ?? (candidate.isRequired && isInside(boxAt(shifts[0])) ? shifts[0] : null);
    if (!shift) continue;
    placed.push(boxAt(shift));
    // Baseline: cap height of the face is ~0.7 em; centre the capitals on the point.
    items.push({ type: 'text', x: candidate.x + shift[0], y: candidate.y + shift[1] + height * 0.35, text: candidate.text, sizePt: candidate.sizePt, isBold: candidate.isBold, color: candidate.color, anchor: 'middle', halo: candidate.halo });
  }
  return items;
}
