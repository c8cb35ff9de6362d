import { listOf, message, quotedValue } from '../messages';
import type { Warning } from '../types';
import type { CommuneArea, HamletListEntry } from './approximate-types';

/** A name as compared: Unicode NFC, lower case, spaces collapsed (diacritics kept: "Phú" is not "Phụ"). */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Each hamlet's commune (index into `communes`) or -1, and the warnings for those left out. */
export interface CommuneMatch {
  communeOf: Int32Array;
  warnings: Warning[];
}

/**
 * Matches each hamlet of a list to its commune polygon: by commune code when both carry one, else by
 * name within the district (district code, else district name), else by name alone when only one
 * commune has it. Names repeat (Sóc Trăng has three "Phường 1"), so a name that fits several communes
 * is not guessed: the hamlets are listed with the candidates' codes.
 * @param entries the hamlet list
 * @param communes the commune polygons
 * @returns per hamlet the commune's index or -1, and one warning per commune value that found no
 *   polygon (`approx-commune-unmatched`) or several (`approx-commune-ambiguous`)
 * @throws never
 * @example matchCommunes(entries, communes).communeOf[0] // 3
 */
export function matchCommunes(entries: readonly HamletListEntry[], communes: readonly CommuneArea[]): CommuneMatch {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number[]>();
  communes.forEach((commune, c) => {
    if (commune.code !== null && !byCode.has(commune.code)) byCode.set(commune.code, c);
    const key = nameKey(commune.name);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  });
  const communeOf = new Int32Array(entries.length).fill(-1);
  const unmatched = new Map<string, { params: Record<string, string | number>; ids: string[]; codes: string[] }>();
  entries.forEach((entry, h) => {
    if (entry.communeCode !== null) {
      const c = byCode.get(entry.communeCode);
      if (c !== undefined) {
        communeOf[h] = c;
        return;
      }
    }
    const named = byName.get(nameKey(entry.commune)) ?? [];
    const district = nameKey(entry.district);
    const inDistrict = named.filter((c) => {
      const commune = communes[c];
      if (entry.districtCode !== null && commune.districtCode !== null) return entry.districtCode === commune.districtCode;
      return district !== '' && nameKey(commune.district) === district;
    });
    const candidates = inDistrict.length > 0 ? inDistrict : district === '' && entry.districtCode === null ? named : [];
    if (entry.commune !== '' && candidates.length === 1) {
      communeOf[h] = candidates[0];
      return;
    }
    const isAmbiguous = entry.commune !== '' && candidates.length > 1;
    const key = JSON.stringify([isAmbiguous, entry.communeCode, nameKey(entry.commune), entry.districtCode, district]);
    const slot = unmatched.get(key) ?? {
      params: { value: quotedValue(entry.commune === '' ? (entry.communeCode ?? '') : entry.commune) as string, code: entry.communeCode ?? '—', district: entry.district === '' ? '—' : entry.district },
      ids: [],
      codes: isAmbiguous ? candidates.map((c) => communes[c].code ?? communes[c].where) : [],
    };
    slot.ids.push(entry.id);
    unmatched.set(key, slot);
  });
  const warnings: Warning[] = [...unmatched.values()].map(({ params, ids, codes }) => {
    const hamlets = listOf(ids, { quoted: true });
    if (codes.length > 0) return { ...message('approx-commune-ambiguous', { ...params, count: ids.length, hamlets, codes: listOf(codes, { quoted: false }) }) };
    return { ...message('approx-commune-unmatched', { ...params, count: ids.length, hamlets }) };
  });
  return { communeOf, warnings };
}
