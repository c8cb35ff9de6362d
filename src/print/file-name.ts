/**
 * A file name from a Vietnamese title, without diacritics (`Bản đồ phủ sóng — Huyện Kế Sách` →
 * `ban-do-phu-song-huyen-ke-sach`): safe on every file system and in e-mail, still readable.
 */
export function fileNameFromTitle(title: string, fallback = 'ban-do'): string {
  const ascii = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 80).replace(/-+$/, '') || fallback;
}
