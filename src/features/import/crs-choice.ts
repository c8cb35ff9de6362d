import { listKnownCrs, type CrsReport, type ParsedInputBytes } from '../../core';

/**
 * True when the file did not say its coordinate system and core had to guess a projected one (or a
 * swapped or failed reading): the user confirms it, or picks another, before the layer is used.
 */
export function needsCrsConfirmation(parsed: Pick<ParsedInputBytes, 'crs'>): boolean {
  const crs = parsed.crs;
  if (crs === undefined || crs.source !== 'guess') return false;
  return crs.crsId !== 'EPSG:4326' || crs.isSwapped || crs.confidence === 'none';
}

export interface CrsOption {
  id: string;
  label: string;
  /** The guess itself, an alternative core found plausible, or any other known system. */
  role: 'guess' | 'alternative' | 'other';
}

/**
 * The systems offered in the confirm step: the guess first, then core's alternatives (best first),
 * then every other known system, each id once.
 */
export function listCrsOptions(report: CrsReport): CrsOption[] {
  const options: CrsOption[] = [{ id: report.crsId, label: report.crsLabel, role: 'guess' }];
  const seen = new Set([report.crsId]);
  for (const alternative of report.alternatives) {
    if (seen.has(alternative.crsId)) continue;
    seen.add(alternative.crsId);
    options.push({ id: alternative.crsId, label: alternative.crsLabel, role: 'alternative' });
  }
  for (const crs of listKnownCrs()) {
    if (seen.has(crs.id)) continue;
    seen.add(crs.id);
    options.push({ id: crs.id, label: crs.label, role: 'other' });
  }
  return options;
}
