import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { BTS_COLUMN_ALIASES, FIBRE_COLUMN_ALIASES, INDICATOR_COLUMN_ALIASES, findColumn, normalizeColumnName, resolveColumns } from './column-aliases';

describeGolden('findColumn', (input) => {
  const { headers, aliases } = input.json() as { headers: string[]; aliases: Record<string, string[]> };
  return Object.fromEntries(Object.entries(aliases).map(([field, names]) => [field, findColumn(headers, names) ?? null]));
});

describe('findColumn', () => {
  it('matches the three spellings of the brief', () => {
    for (const header of ['Mã trạm', 'ma_tram', 'MA TRAM', 'Mã-Trạm', 'ĐỊA ĐIỂM']) {
      const alias = header === 'ĐỊA ĐIỂM' ? 'dia_diem' : 'ma_tram';
      expect(findColumn(['STT', header], [alias])).toBe(header);
    }
  });

  it('returns undefined when nothing matches, and never matches a partial name', () => {
    expect(findColumn(['kinh_do_2000', 'longitude_vn'], BTS_COLUMN_ALIASES.lng)).toBeUndefined();
    expect(findColumn([], ['id'])).toBeUndefined();
  });

  it('resolves a whole alias table', () => {
    expect(resolveColumns(['Kinh độ', 'Vĩ độ', 'Loại'], FIBRE_COLUMN_ALIASES)).toEqual({ lng: 'Kinh độ', lat: 'Vĩ độ', kind: 'Loại' });
  });

  const accents: Record<string, string[]> = {
    a: ['a', 'á', 'à', 'ả', 'ã', 'ạ', 'ă', 'â', 'ấ', 'ầ', 'ậ', 'ắ'],
    e: ['e', 'é', 'è', 'ẻ', 'ê', 'ế', 'ề', 'ệ'],
    i: ['i', 'í', 'ì', 'ỉ', 'ị'],
    o: ['o', 'ó', 'ò', 'ô', 'ố', 'ồ', 'ơ', 'ớ', 'ợ'],
    u: ['u', 'ú', 'ù', 'ư', 'ứ', 'ừ', 'ự'],
    y: ['y', 'ý', 'ỳ', 'ỵ'],
    d: ['d', 'đ'],
  };
  const allAliases = [...new Set([...Object.values(BTS_COLUMN_ALIASES), ...Object.values(FIBRE_COLUMN_ALIASES), ...Object.values(INDICATOR_COLUMN_ALIASES)].flat())];
  /** A header a person could have typed for `alias`: any case, any accents, `_` as space or hyphen. */
  const spelling = (alias: string) =>
    fc.tuple(...alias.split('').map((character) => {
      const variants = character === '_' ? ['_', ' ', '-', '', ' - '] : accents[character] ?? [character];
      return fc.tuple(fc.constantFrom(...variants), fc.boolean()).map(([variant, isUpper]) => (isUpper ? variant.toUpperCase() : variant));
    })).map((characters) => characters.join(''));

  it('is insensitive to case, diacritics and separators (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allAliases).chain((alias) => fc.tuple(fc.constant(alias), spelling(alias), fc.constantFrom(' ', '', '\t'))),
        fc.array(fc.constantFrom('STT', 'Ghi chú', 'Địa chỉ', 'Tỉnh'), { maxLength: 3 }),
        ([alias, header, padding], noise) => {
          expect(normalizeColumnName(`${padding}${header}${padding}`)).toBe(normalizeColumnName(alias));
          expect(findColumn([...noise, header], [alias])).toBe(header);
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });
});
