import type { PathLossInput } from './path-loss-types';

/**
 * Hata's mobile-antenna correction a(hm), dB: the small or medium city form, or the large city form
 * (for f ≤ 300 MHz the 8.29 form, above it the 3.2 form; Hata gives them for f ≤ 200 and ≥ 400 MHz).
 * @param frequencyMhz the frequency, MHz
 * @param mobileHeightMeters the receiver's height, metres
 * @param isLargeCity the large-city form
 * @returns a(hm), dB
 * @throws never
 * @example mobileAntennaCorrectionDb(900, 1.5, false) // 0.0159
 */
export function mobileAntennaCorrectionDb(frequencyMhz: number, mobileHeightMeters: number, isLargeCity: boolean): number {
  const logF = Math.log10(frequencyMhz);
  if (!isLargeCity) return (1.1 * logF - 0.7) * mobileHeightMeters - (1.56 * logF - 0.8);
  if (frequencyMhz <= 300) return 8.29 * Math.log10(1.54 * mobileHeightMeters) ** 2 - 1.1;
  return 3.2 * Math.log10(11.75 * mobileHeightMeters) ** 2 - 4.97;
}

/**
 * Hata's corrections of the urban loss, dB to subtract: suburban 2 (log(f/28))² + 5.4, open area
 * 4.78 (log f)² − 18.33 log f + 40.94; none for cities.
 * @param frequencyMhz the frequency, MHz
 * @param environment the land around the site
 * @returns the correction, dB (0 for urban land)
 * @throws never
 * @example hataAreaCorrectionDb(900, 'rural') // 28.51
 */
export function hataAreaCorrectionDb(frequencyMhz: number, environment: PathLossInput['environment']): number {
  const logF = Math.log10(frequencyMhz);
  if (environment === 'suburban') return 2 * Math.log10(frequencyMhz / 28) ** 2 + 5.4;
  if (environment === 'rural') return 4.78 * logF ** 2 - 18.33 * logF + 40.94;
  return 0;
}

/**
 * Okumura–Hata median path loss (M. Hata, "Empirical formula for propagation loss in land mobile
 * radio services", IEEE Trans. Veh. Technol. VT-29(3), 1980), fitted for 150–1,500 MHz, base
 * antennas 30–200 m, receivers 1–10 m, 1–20 km:
 * L = 69.55 + 26.16 log f − 13.82 log hb − a(hm) + (44.9 − 6.55 log hb) log d, minus the suburban
 * or open-area correction. `dense-urban` uses the large-city a(hm), `urban` the small/medium city
 * form, `suburban` and `rural` (open area) subtract Hata's corrections.
 * @param input frequency (MHz), heights (m), distance (m), environment
 * @returns the path loss, dB
 * @throws never
 * @example okumuraHataLossDb({ frequencyMhz: 900, baseHeightMeters: 30, mobileHeightMeters: 1.5, distanceMeters: 1000, environment: 'urban' }) // 126.40
 */
export function okumuraHataLossDb(input: PathLossInput): number {
  const { frequencyMhz: f, baseHeightMeters: hb, mobileHeightMeters: hm, distanceMeters, environment } = input;
  const logHb = Math.log10(hb);
  const urban = 69.55 + 26.16 * Math.log10(f) - 13.82 * logHb - mobileAntennaCorrectionDb(f, hm, environment === 'dense-urban') + (44.9 - 6.55 * logHb) * Math.log10(distanceMeters / 1000);
  return urban - hataAreaCorrectionDb(f, environment);
}
