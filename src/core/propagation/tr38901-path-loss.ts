import type { PathLossInput } from './path-loss-types';

const SPEED_OF_LIGHT = 299792458;

/** The scenario parameters of 3GPP TR 38.901 Table 7.4.1-1 that coverage planning sets. */
export interface Tr38901Options {
  /** `uma` (urban macro) or `rma` (rural macro). */
  scenario: 'uma' | 'rma';
  /** Line of sight to the site; coverage planning assumes none (NLOS), the default. */
  isLineOfSight?: boolean;
  /** RMa: average building height, metres (default 5, the table's default). */
  buildingHeightMeters?: number;
  /** RMa: average street width, metres (default 20, the table's default). */
  streetWidthMeters?: number;
}

function umaLos(d3d: number, d2d: number, fcGhz: number, hBs: number, hUt: number): number {
  // Effective heights with the environment height hE = 1 m (receivers below 13 m).
  const breakpoint = (4 * (hBs - 1) * (hUt - 1) * fcGhz * 1e9) / SPEED_OF_LIGHT;
  if (d2d <= breakpoint) return 28.0 + 22 * Math.log10(d3d) + 20 * Math.log10(fcGhz);
  return 28.0 + 40 * Math.log10(d3d) + 20 * Math.log10(fcGhz) - 9 * Math.log10(breakpoint ** 2 + (hBs - hUt) ** 2);
}

function rmaLos(d3d: number, d2d: number, fcGhz: number, hBs: number, hUt: number, h: number): number {
  const breakpoint = (2 * Math.PI * hBs * hUt * fcGhz * 1e9) / SPEED_OF_LIGHT;
  const first = (distance: number): number =>
    20 * Math.log10((40 * Math.PI * distance * fcGhz) / 3) + Math.min(0.03 * h ** 1.72, 10) * Math.log10(distance) - Math.min(0.044 * h ** 1.72, 14.77) + 0.002 * Math.log10(h) * distance;
  if (d2d <= breakpoint) return first(d3d);
  const d3dBreakpoint = Math.hypot(breakpoint, hBs - hUt);
  return first(d3dBreakpoint) + 40 * Math.log10(d3d / d3dBreakpoint);
}

/**
 * 3GPP TR 38.901 (v17, Table 7.4.1-1) path loss for urban macro (UMa, 0.5–100 GHz, 10 m–5 km) and
 * rural macro (RMa, 0.5–7 GHz, 10 m–10 km line of sight, 5 km without), line of sight or not
 * (NLOS = the larger of the LOS loss and the NLOS formula, as the table defines it). Frequencies and
 * distances outside those ranges are computed by the same formulas (extrapolated).
 * @param input frequency (MHz), heights (m), distance (m); `environment` is not read here
 * @param options scenario, line of sight, RMa building height and street width
 * @returns the path loss, dB
 * @throws never
 * @example tr38901PathLossDb({ frequencyMhz: 3500, baseHeightMeters: 25, mobileHeightMeters: 1.5, distanceMeters: 500, environment: 'urban' }, { scenario: 'uma' }) // 129.92
 */
export function tr38901PathLossDb(input: PathLossInput, options: Tr38901Options): number {
  const fcGhz = input.frequencyMhz / 1000;
  const hBs = input.baseHeightMeters;
  const hUt = input.mobileHeightMeters;
  const d2d = Math.max(input.distanceMeters, 1);
  const d3d = Math.hypot(d2d, hBs - hUt);
  const isLos = options.isLineOfSight === true;
  if (options.scenario === 'uma') {
    const los = umaLos(d3d, d2d, fcGhz, hBs, hUt);
    if (isLos) return los;
    const nlos = 13.54 + 39.08 * Math.log10(d3d) + 20 * Math.log10(fcGhz) - 0.6 * (hUt - 1.5);
    return Math.max(los, nlos);
  }
  const h = options.buildingHeightMeters ?? 5;
  const w = options.streetWidthMeters ?? 20;
  const los = rmaLos(d3d, d2d, fcGhz, hBs, hUt, h);
  if (isLos) return los;
  const nlos =
    161.04 -
    7.1 * Math.log10(w) +
    7.5 * Math.log10(h) -
    (24.37 - 3.7 * (h / hBs) ** 2) * Math.log10(hBs) +
    (43.42 - 3.1 * Math.log10(hBs)) * (Math.log10(d3d) - 3) +
    20 * Math.log10(fcGhz) -
    (3.2 * Math.log10(11.75 * hUt) ** 2 - 4.97);
  return Math.max(los, nlos);
}
