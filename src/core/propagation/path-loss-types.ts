/**
 * The land around a site, as the path-loss models distinguish it: a large city's dense core, a
 * small or medium city (a district town), suburban land (villages along roads and canals), and
 * rural open land (rice fields).
 */
export type PropagationEnvironment = 'dense-urban' | 'urban' | 'suburban' | 'rural';
export const PROPAGATION_ENVIRONMENTS: readonly PropagationEnvironment[] = ['dense-urban', 'urban', 'suburban', 'rural'];

/** One path-loss question: a base-station antenna, a receiver, a frequency, a distance. */
export interface PathLossInput {
  frequencyMhz: number;
  /** Base-station antenna height above ground, metres. */
  baseHeightMeters: number;
  /** Receiver (phone) height above ground, metres. */
  mobileHeightMeters: number;
  /** Ground distance from the site, metres. */
  distanceMeters: number;
  environment: PropagationEnvironment;
}

/** The models, by the frequencies they were fitted for. */
export type PathLossModel = 'okumura-hata' | 'cost231-hata' | '3gpp-38901-uma' | '3gpp-38901-rma';
