import { describe, expect, it } from 'vitest';
import { decodeText, looksLikeLegacyVietnameseFont } from './decode-text';
import { refusal } from '../../../test/helpers/messages';

const text = 'ma_tram\tnha_mang\nST1\tViettel Sóc Trăng\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8', hasBom: false, invalidSequences: 0 });
    expect(decodeText(new TextEncoder().encode(`\ufeff${text}`))).toEqual({ text, encoding: 'utf-8', hasBom: true, invalidSequences: 0 });
  });

  it('reads UTF-16 LE and BE as Excel writes "Unicode text", with or without the mark', () => {
    const le = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le', hasBom: true, invalidSequences: 0 });
    const be = new Uint8Array(le.length);
    for (let index = 0; index < le.length; index += 2) [be[index], be[index + 1]] = [le[index + 1], le[index]];
    expect(decodeText(be)).toEqual({ text, encoding: 'utf-16be', hasBom: true, invalidSequences: 0 });
    expect(decodeText(le.subarray(2))).toEqual({ text, encoding: 'utf-16le', hasBom: false, invalidSequences: 0 });
  });

  it('falls back to code page 1258 for bytes that are not UTF-8, composing the tone marks', () => {
    // "Sóc Trăng" in cp1258: o + combining acute (0xEC), a-breve (0xE3).
    const bytes = Uint8Array.from([0x53, 0x6f, 0xec, 0x63, 0x20, 0x54, 0x72, 0xe3, 0x6e, 0x67]);
    expect(decodeText(bytes)).toEqual({ text: 'Sóc Trăng', encoding: 'windows-1258', hasBom: false, invalidSequences: 0 });
  });

  it('reads a UTF-8 file with one damaged byte as UTF-8, counting the damage, not as code page 1258', () => {
    const rows = Array.from({ length: 40 }, (_, index) => `ST${index};Viettel Sóc Trăng;Ấp Hòa Đông ${index}`).join('\n');
    const bytes = new TextEncoder().encode(rows);
    const damaged = Uint8Array.from([...bytes.subarray(0, 50), 0xff, ...bytes.subarray(50)]);
    const decoded = decodeText(damaged);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.invalidSequences).toBe(1);
    expect(decoded.text).toContain('Ấp Hòa Đông 39');
    expect(decoded.text.split('\ufffd')).toHaveLength(2);
  });

  it('refuses binary content, saying what kind of file it is', () => {
    expect(refusal(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'a.csv'))).toEqual({
      code: 'file-binary-zip',
      text: 'a.csv: this is a zip archive (such as an Excel .xlsx or a zipped Shapefile), not text; give it its own extension (.xlsx, .zip)',
    });
    expect(refusal(() => decodeText(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0x00, 0x00]), 'b.csv'), 'vi').text).toBe(
      'b.csv: đây là tệp Excel 97–2003 (.xls), không phải văn bản; hãy mở bằng Excel và lưu thành .xlsx hoặc "CSV UTF-8"',
    );
    expect(refusal(() => decodeText(Uint8Array.from([0x41, 0x00, 0x00, 0x00, 0x42]), 'c.csv')).code).toBe('file-binary');
  });

  it('takes an ArrayBuffer too', () => {
    expect(decodeText(new TextEncoder().encode('a').buffer as ArrayBuffer).text).toBe('a');
  });

  it('spots Vietnamese typed with a legacy TCVN3 font, and not real Unicode text', () => {
    expect(looksLikeLegacyVietnameseFont('Sãc Tr¨ng, HuyÖn Mü Xuyªn, Ph\u00adêng 5')).toBe(true);
    expect(looksLikeLegacyVietnameseFont('Ấp Hòa Đông, Khóm 3, Phường 5, 12° 5½, ©2024, café')).toBe(false);
  });
});
