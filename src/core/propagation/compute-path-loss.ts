import { cost231HataLossDb } from './cost231-hata';
import { okumuraHataLossDb } from './okumura-hata';
import type { PathLossInput, PathLossModel, PropagationEnvironment } from './path-loss-types';
import { tr38901PathLossDb } from './tr38901-path-loss';

/**
 * The model for a frequency, by the bands each was fitted for: Okumura–Hata up to 1,500 MHz (700,
 * 900 MHz), COST-231 Hata up to 2,000 MHz (1,800 MHz), and above that 3GPP TR 38.901 (2,100,
 * 2,600 MHz, 3.5–3.9 GHz): rural macro (RMa) on rural land, urban macro (UMa) elsewhere.
 * @param frequencyMhz the frequency, MHz
 * @param environment the land around the site
 * @returns the model
 * @throws never
 * @example selectPathLossModel(1800, 'suburban') // 'cost231-hata'
 */
export function selectPathLossModel(frequencyMhz: number, environment: PropagationEnvironment): PathLossModel {
  if (frequencyMhz <= 1500) return 'okumura-hata';
  if (frequencyMhz <= 2000) return 'cost231-hata';
  return environment === 'rural' ? '3gpp-38901-rma' : '3gpp-38901-uma';
}

/**
 * Median path loss by the model for the frequency (see {@link selectPathLossModel}); TR 38.901
 * without line of sight.
 * @param input frequency (MHz), heights (m), distance (m), environment
 * @param model the model (default: chosen by frequency)
 * @returns the path loss, dB
 * @throws never
 * @example computePathLossDb({ frequencyMhz: 900, baseHeightMeters: 30, mobileHeightMeters: 1.5, distanceMeters: 1000, environment: 'urban' }) // 126.40
 */
export function computePathLossDb(input: PathLossInput, model: PathLossModel = selectPathLossModel(input.frequencyMhz, input.environment)): number {
  if (model === 'okumura-hata') return okumuraHataLossDb(input);
  if (model === 'cost231-hata') return cost231HataLossDb(input);
  return tr38901PathLossDb(input, { scenario: model === '3gpp-38901-rma' ? 'rma' : 'uma' });
}

/**
 * Whether a question lies inside the range a model was fitted for (frequency, heights, distance).
 * @param input the question
 * @param model the model
 * @returns true inside the published range
 * @throws never
 * @example isInModelRange({ frequencyMhz: 900, baseHeightMeters: 20, mobileHeightMeters: 1.5, distanceMeters: 3000, environment: 'rural' }, 'okumura-hata') // false (base below 30 m)
 */
export function isInModelRange(input: PathLossInput, model: PathLossModel): boolean {
  const { frequencyMhz: f, baseHeightMeters: hb, mobileHeightMeters: hm, distanceMeters: d } = input;
  if (model === 'okumura-hata') return f >= 150 && f <= 1500 && hb >= 30 && hb <= 200 && hm >= 1 && hm <= 10 && d >= 1000 && d <= 20000;
  if (model === 'cost231-hata') return f >= 1500 && f <= 2000 && hb >= 30 && hb <= 200 && hm >= 1 && hm <= 10 && d >= 1000 && d <= 20000;
  if (model === '3gpp-38901-uma') return f >= 500 && f <= 100000 && d >= 10 && d <= 5000 && hm >= 1.5 && hm <= 22.5;
  return f >= 500 && f <= 7000 && hb >= 10 && hb <= 150 && hm >= 1 && hm <= 10 && d >= 10 && d <= 5000;
}
