import type { BtsRecord, CoverageInput, FibrePoint, FibreRoute, Technology } from '../types';

/** Operator and technology filters; `null` = no filter (everything). */
export interface InputFilters {
  operators: string[] | null;
  technologies: Technology[] | null;
}

/** No filter: every operator, every technology. */
export const NO_FILTERS: InputFilters = Object.freeze({ operators: null, technologies: null });

function keepsOperator(operators: ReadonlySet<string> | null, operator: string | undefined): boolean {
  // Fibre without an operator cannot be attributed, so an operator filter keeps it out.
  return operators === null || (operator !== undefined && operators.has(operator));
}

function keepTechnologies(records: BtsRecord[], technologies: Technology[] | null, operators: ReadonlySet<string> | null): BtsRecord[] {
  const kept: BtsRecord[] = [];
  for (const record of records) {
    if (!keepsOperator(operators, record.operator)) continue;
    if (technologies === null) {
      kept.push(record);
      continue;
    }
    const left = record.technologies.filter((technology) => technologies.includes(technology));
    if (left.length > 0) kept.push(left.length === record.technologies.length ? record : { ...record, technologies: left });
  }
  return kept;
}

/**
 * The engine input restricted to the chosen operators and technologies. A BTS record keeps only the
 * chosen technologies and is dropped when none is left; fibre follows the operator filter only. With an
 * operator filter, `operatorFilter` keeps the other operators' records (technology filter applied): the
 * engine finds sites and co-location on all of them: a chosen operator's site that another operator also uses is
 * still shared, and the shared-site KPI becomes the share of the chosen operators' sites that another
 * operator also uses. The input is not changed.
 * @param input the whole input (an input filtered before is filtered again from all its BTS records)
 * @param filters operators and technologies to keep (`null` = all)
 * @returns the filtered input (the input itself when there is no filter)
 * @example filterCoverageInput(input, { operators: ['Viettel'], technologies: null }).operatorFilter?.operators // ['Viettel']
 */
export function filterCoverageInput(input: CoverageInput, filters: InputFilters): CoverageInput {
  if (filters.operators === null && filters.technologies === null) return input;
  const operators = filters.operators === null ? null : new Set(filters.operators);
  // Records of every operator, for co-location (a filtered input keeps the others' apart).
  const everyOperator = input.operatorFilter ? [...input.btsRecords, ...input.operatorFilter.otherBtsRecords] : input.btsRecords;
  const btsRecords = keepTechnologies(everyOperator, filters.technologies, operators);
  const fibrePoints: FibrePoint[] = input.fibrePoints.filter((point) => keepsOperator(operators, point.operator));
  const fibreRoutes: FibreRoute[] = input.fibreRoutes.filter((route) => keepsOperator(operators, route.operator));
  const filtered: CoverageInput = { ...input, btsRecords, fibrePoints, fibreRoutes };
  if (operators !== null) {
    const others = everyOperator.filter((record) => !operators.has(record.operator));
    filtered.operatorFilter = { operators: [...operators].sort(), otherBtsRecords: keepTechnologies(others, filters.technologies, null) };
  } else {
    delete filtered.operatorFilter;
  }
  return filtered;
}
