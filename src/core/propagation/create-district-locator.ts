import { isPointInHamlet } from '../coverage/hamlet-geometry';
import { prepareHamlets } from '../coverage/prepare-hamlets';
import { buildBoxIndex } from '../spatial/spatial-index';
import type { BtsRecord, Hamlet } from '../types';

/**
 * The district a site stands in, for the reach model's district environments: the hamlet that holds
 * the record's point gives its `district_code` property when it has one, else its district name.
 * @param hamlets the hamlets
 * @returns a function from a record to its district (code or name), or null outside every hamlet
 * @throws never
 * @example createDistrictLocator(input.hamlets)(record) // '941'
 */
export function createDistrictLocator(hamlets: readonly Hamlet[]): (record: BtsRecord) => string | null {
  const { hamlets: prepared } = prepareHamlets(hamlets.map((hamlet) => hamlet.geometry));
  const index = buildBoxIndex(prepared.length, (i, out) => out.set(prepared[i].bbox));
  return (record) => {
    for (const h of index.search(record.lng, record.lat, record.lng, record.lat)) {
      if (!isPointInHamlet(prepared[h], record.lng, record.lat)) continue;
      const code = hamlets[h].properties.district_code;
      return typeof code === 'string' || typeof code === 'number' ? String(code) : hamlets[h].district;
    }
    return null;
  };
}
