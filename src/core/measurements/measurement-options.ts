/** The rules measurements are judged by; every one can be changed by the user. */
export interface MeasurementOptions {
  /**
   * A 4G or 5G test is served when its RSRP is at least this, dBm. −110 dBm is a usual LTE coverage
   * edge; Ofcom's outdoor 4G level is −105 dBm.
   */
  rsrpThresholdDbm: number;
  /** H3 resolution of the challenge view: 8 (about 0.74 km² a hexagon) or 9 (about 0.1 km²). */
  h3Resolution: number;
  /**
   * A unit's speed figure is published when it has at least this many tests in every calendar month
   * of the period (Official Letter 5691/BTTTT-CVT of 31 December 2024, for i-Speed figures).
   */
  minSamplesPerMonth: number;
  /** Months an undated file (open-data tiles) stands for when no test in the set has a time. */
  undatedPeriodMonths: number;
  /** A hexagon is challenged when at least this many tests contradict the prediction … */
  challengeMinTests: number;
  /** … and two of them were taken at least this many hours apart. */
  challengeMinHoursApart: number;
  /** A calibration needs at least this many served and this many not-served tests (else "not enough evidence"). */
  calibrationMinTests: number;
  /** Bootstrap resamples for the calibration's confidence interval. */
  bootstrapRounds: number;
  /** Coverage of the confidence interval (0.95 = the 2.5th to the 97.5th percentile). */
  confidenceLevel: number;
}

/** The defaults (README, "Measurements"). */
export const DEFAULT_MEASUREMENT_OPTIONS: MeasurementOptions = {
  rsrpThresholdDbm: -110,
  h3Resolution: 8,
  minSamplesPerMonth: 300,
  undatedPeriodMonths: 3,
  challengeMinTests: 5,
  challengeMinHoursApart: 2,
  calibrationMinTests: 30,
  bootstrapRounds: 200,
  confidenceLevel: 0.95,
};
