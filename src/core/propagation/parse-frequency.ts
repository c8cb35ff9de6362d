/** Downlink centre frequencies of the LTE (B) and NR (n) bands used in Vietnam and its neighbours, MHz. */
const BAND_CENTRES_MHZ: ReadonlyMap<string, number> = new Map([
  ['B1', 2140], ['B3', 1842.5], ['B5', 881.5], ['B7', 2655], ['B8', 942.5], ['B20', 806], ['B28', 780.5], ['B38', 2595], ['B40', 2350], ['B41', 2593],
  ['N1', 2140], ['N3', 1842.5], ['N5', 881.5], ['N7', 2655], ['N8', 942.5], ['N28', 780.5], ['N40', 2350], ['N41', 2593], ['N77', 3750], ['N78', 3550], ['N79', 4700],
]);

const NUMBER = /(\d+(?:[.,]\d+)?)/;

/**
 * Reads a site's band or frequency as site lists write it: `1800`, `1800 MHz`, `3,5 GHz`, `3.5`
 * (below 10 = GHz), `B3` / `Band 3` / `LTE B3` (LTE bands), `n78` (NR bands), `L1800` / `U2100` /
 * `G900` (technology letter + MHz), or a range `3500-3600` (its middle).
 * @param raw the cell or property as written
 * @returns the frequency in MHz, or null when it is not one (blank, text, out of 100 MHz–100 GHz)
 * @throws never
 * @example parseFrequencyMhz('n78') // 3550
 * @example parseFrequencyMhz('3,5 GHz') // 3500
 */
export function parseFrequencyMhz(raw: unknown): number | null {
  if (typeof raw === 'number') return inRange(raw < 10 ? raw * 1000 : raw);
  if (typeof raw !== 'string') return null;
  const text = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (text === '') return null;
  const band = /^(?:LTE |NR |5G |4G )?(?:BAND ?|B|N)(\d{1,2})$/.exec(text);
  if (band) {
    const isNr = /^(?:NR |5G )?N\d/.test(text);
    return BAND_CENTRES_MHZ.get(`${isNr ? 'N' : 'B'}${Number(band[1])}`) ?? null;
  }
  const range = /^(\d+(?:[.,]\d+)?) ?[-–] ?(\d+(?:[.,]\d+)?) ?(MHZ|GHZ)?$/.exec(text);
  if (range) {
    const middle = (toNumber(range[1]) + toNumber(range[2])) / 2;
    return inRange(range[3] === 'GHZ' || middle < 10 ? middle * 1000 : middle);
  }
  const single = /^(?:[LUGN])?(\d+(?:[.,]\d+)?) ?(MHZ|GHZ)?$/.exec(text);
  if (!single || !NUMBER.test(single[1])) return null;
  const value = toNumber(single[1]);
  return inRange(single[2] === 'GHZ' || (single[2] === undefined && value < 10) ? value * 1000 : value);
}

function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

function inRange(mhz: number): number | null {
  return Number.isFinite(mhz) && mhz >= 100 && mhz <= 100000 ? mhz : null;
}
