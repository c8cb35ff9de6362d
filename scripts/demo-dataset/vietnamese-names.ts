/**
 * Synthetic, plausible hamlet (ấp, khóm) names built from syllable lists. They only look like
 * names of the Mekong delta; any match with a real hamlet is a coincidence. (Commune names are
 * the real ones, from the frame.)
 */
import type { Random } from './prng';

const PLACE_FIRST = [
  'An', 'Phú', 'Long', 'Mỹ', 'Tân', 'Hòa', 'Thạnh', 'Vĩnh', 'Khánh', 'Hưng', 'Đại', 'Lạc', 'Thuận',
  'Bình', 'Phước', 'Hiệp', 'Trung', 'Xuân', 'Gia', 'Thới', 'Nhơn', 'Lợi', 'Hậu', 'Ngọc', 'Viên', 'Tài',
];
const PLACE_SECOND = [
  'Hòa', 'Phú', 'Lợi', 'Thạnh', 'Hưng', 'Tân', 'An', 'Mỹ', 'Thuận', 'Bình', 'Lộc', 'Hiệp', 'Khánh',
  'Thành', 'Điền', 'Quới', 'Hội', 'Nghĩa', 'Đức', 'Tú', 'Tâm', 'Xuyên', 'Thới', 'Hải', 'Phước', 'Long',
  'Kiến', 'Lạc', 'Trinh', 'Định',
];

const HAMLET_PREFIX = ['Giồng', 'Xẻo', 'Kinh', 'Rạch', 'Bưng', 'Vàm', 'Cái', 'Sóc', 'Tà', 'Trà', 'Prey', 'Bãi', 'Cồn', 'Bố'];
const HAMLET_SECOND = [
  'Chùa', 'Mới', 'Dầu', 'Me', 'Tròn', 'Xoài', 'Lọt', 'Sô', 'Chóp', 'Canh', 'Tróp', 'Lạch', 'Lôn', 'Tum',
  'Ngao', 'Pôl', 'Kho', 'Trầu', 'Dừa', 'Bần', 'Sao', 'Tre', 'Lớn', 'Nhỏ', 'Sên', 'Cốc', 'Có', 'Vồ', 'Ông',
];

/**
 * Names of the hamlets of one commune, unique within it: `Khóm 1…n` in urban communes; in
 * rural ones either `Ấp 1…n` or named ấp (`Ấp Giồng Chùa`, `Ấp Mỹ Thuận`, …).
 * @param count number of hamlets
 * @param isUrban true for a phường or thị trấn
 * @param random seeded random source
 * @returns `count` names
 * @example makeHamletNames(3, true, random) // ['Khóm 1', 'Khóm 2', 'Khóm 3']
 */
export function makeHamletNames(count: number, isUrban: boolean, random: Random): string[] {
  if (isUrban) return Array.from({ length: count }, (_, index) => `Khóm ${index + 1}`);
  if (random.next() < 0.35) return Array.from({ length: count }, (_, index) => `Ấp ${index + 1}`);
  const names = new Set<string>();
  while (names.size < count) {
    const style = random.next();
    let name: string;
    if (style < 0.55) name = `${random.pick(HAMLET_PREFIX)} ${random.pick(HAMLET_SECOND)}`;
    else {
      const first = random.pick(PLACE_FIRST);
      const second = random.pick(PLACE_SECOND);
      if (first === second) continue;
      name = `${first} ${second}`;
    }
    if (random.next() < 0.1) name = `${name} ${random.pick(['A', 'B', '1', '2'])}`;
    names.add(`Ấp ${name}`);
  }
  return [...names];
}
