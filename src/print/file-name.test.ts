import { describe, expect, it } from 'vitest';
import { fileNameFromTitle } from './file-name';

describe('file names from titles', () => {
  it('drops the diacritics and keeps the words', () => {
    expect(fileNameFromTitle('Bản đồ phủ sóng di động băng rộng theo ấp')).toBe('ban-do-phu-song-di-dong-bang-rong-theo-ap');
    expect(fileNameFromTitle('Đường Đông — Ấp Ưu Đãi, Thạnh Trị (5G)')).toBe('duong-dong-ap-uu-dai-thanh-tri-5g');
    expect(fileNameFromTitle('Quỹ ỹ Ỹ ự ữ ẵ ẫ')).toBe('quy-y-y-u-u-a-a');
  });

  it('falls back when nothing readable is left, and stays short', () => {
    expect(fileNameFromTitle('—/—')).toBe('ban-do');
    expect(fileNameFromTitle('a'.repeat(200)).length).toBe(80);
  });
});
