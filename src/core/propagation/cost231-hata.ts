import { hataAreaCorrectionDb, mobileAntennaCorrectionDb } from './okumura-hata';
import type { PathLossInput } from './path-loss-types';

/**
 * COST-231 Hata median path loss (COST Action 231, "Digital mobile radio towards future generation
 * systems", final report, 1999, section 4.4), Hata's model refitted for 1,500–2,000 MHz:
 * L = 46.3 + 33.9 log f − 13.82 log hb − a(hm) + (44.9 − 6.55 log hb) log d + Cm, with the small or
 * medium city a(hm), Cm = 3 dB for metropolitan centres (`dense-urban`) and 0 dB otherwise.
 * COST-231 defines no open-area form; for `suburban` and `rural` land Hata's own corrections are
 * subtracted, as planning tools commonly do (an extension beyond the model's fit, stated so).
 * @param input frequency (MHz), heights (m), distance (m), environment
 * @returns the path loss, dB
 * @throws never
 * @example cost231HataLossDb({ frequencyMhz: 1800, baseHeightMeters: 30, mobileHeightMeters: 1.5, distanceMeters: 1000, environment: 'urban' }) // 136.20
 */
export function cost231HataLossDb(input: PathLossInput): number {
  const { frequencyMhz: f, baseHeightMeters: hb, mobileHeightMeters: hm, distanceMeters, environment } = input;
  const logHb = Math.log10(hb);
  const metropolitan = environment === 'dense-urban' ? 3 : 0;
  const loss = 46.3 + 33.9 * Math.log10(f) - 13.82 * logHb - mobileAntennaCorrectionDb(f, hm, false) + (44.9 - 6.55 * logHb) * Math.log10(distanceMeters / 1000) + metropolitan;
  return loss - hataAreaCorrectionDb(f, environment);
}
