import type { BtsRecord, CoverageInput, FibrePoint, FibreRoute, Technology } from '../core';

/** Operator and technology filters; `null` = no filter (everything). */
export interface InputFilters {
  operators: string[] | null;
  technologies: Technology[] | null;
}

export const NO_FILTERS: InputFilters = { operators: null, technologies: null };

function keepsOperator(operators: string[] | null, operator: string | undefined): boolean {
  // Fibre without an operator cannot be attributed, so an operator filter keeps it out.
  return operators === null || (operator !== undefined && operators.includes(operator));
}

/**
 * The engine input restricted to the chosen operators and technologies. A BTS record keeps only the
 * chosen technologies and is dropped when none is left; fibre follows the operator filter only.
 */
export function filterCoverageInput(input: CoverageInput, filters: InputFilters): CoverageInput {
  if (filters.operators === null && filters.technologies === null) return input;
  const technologies = filters.technologies;
  const btsRecords: BtsRecord[] = [];
  for (const record of input.btsRecords) {
    if (!keepsOperator(filters.operators, record.operator)) continue;
    if (technologies === null) {
      btsRecords.push(record);
      continue;
    }
    const kept = record.technologies.filter((technology) => technologies.includes(technology));
    if (kept.length > 0) btsRecords.push(kept.length === record.technologies.length ? record : { ...record, technologies: kept });
  }
  const fibrePoints: FibrePoint[] = input.fibrePoints.filter((point) => keepsOperator(filters.operators, point.operator));
  const fibreRoutes: FibreRoute[] = input.fibreRoutes.filter((route) => keepsOperator(filters.operators, route.operator));
  return { ...input, btsRecords, fibrePoints, fibreRoutes };
}
