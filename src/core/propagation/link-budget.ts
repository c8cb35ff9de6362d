/**
 * The downlink link budget that turns a path-loss model into a reach: the reference signal's power
 * per resource element at the antenna (EIRP spread over the carrier's subcarriers), the phone's
 * antenna, the signal level at the coverage edge, and a planning margin.
 */
export interface LinkBudget {
  /** Total radiated power of the carrier, antenna gain and feeder loss included, dBm. */
  eirpDbm: number;
  /** Subcarriers the power is spread over (12 per resource block). */
  subcarriers: number;
  /** Phone antenna gain, dBi. */
  receiverGainDbi: number;
  /** Phone height above ground, metres. */
  receiverHeightMeters: number;
  /** RSRP at the coverage edge, dBm. */
  edgeRsrpDbm: number;
  /** Margin taken off the allowed loss (shadowing, body, indoor), dB; the calibration tunes it. */
  marginDb: number;
}

/**
 * Default link budgets (README, "A site's reach"): a 4G macro cell of 40 W (46 dBm) per 20 MHz
 * carrier, 17 dBi sector antenna and 3 dB feeder loss (EIRP 60 dBm) over 1,200 subcarriers; a 5G
 * 3.5 GHz cell of 200 W (53 dBm) per 100 MHz with 24 dBi of beamforming gain and 2 dB of losses
 * (EIRP 75 dBm) over 3,276 subcarriers (273 resource blocks at 30 kHz); a 1.5 m phone with a 0 dBi
 * antenna; the edge at −110 dBm RSRP; no margin until calibrated. 3G sites use the 4G budget.
 */
export const DEFAULT_LINK_BUDGETS: Readonly<Record<'4G' | '5G', LinkBudget>> = {
  '4G': { eirpDbm: 60, subcarriers: 1200, receiverGainDbi: 0, receiverHeightMeters: 1.5, edgeRsrpDbm: -110, marginDb: 0 },
  '5G': { eirpDbm: 75, subcarriers: 3276, receiverGainDbi: 0, receiverHeightMeters: 1.5, edgeRsrpDbm: -110, marginDb: 0 },
};

/**
 * The largest path loss at which the edge RSRP is still received:
 * EIRP − 10 log10(subcarriers) + receiver gain − edge RSRP − margin.
 * @param budget the link budget
 * @returns dB
 * @throws never
 * @example maxAllowedPathLossDb(DEFAULT_LINK_BUDGETS['4G']) // 139.21
 */
export function maxAllowedPathLossDb(budget: LinkBudget): number {
  return budget.eirpDbm - 10 * Math.log10(Math.max(1, budget.subcarriers)) + budget.receiverGainDbi - budget.edgeRsrpDbm - budget.marginDb;
}
