import { describe, expect, it } from 'vitest';
import { decodeText, looksLikeLegacyVietnameseFont } from './decode-text';
import { CoverageInputError } from './input-error';

const text = 'ma_tram\tnha_mang\nST1\tViettel Sóc Trăng\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8', hasBom: false });
    expect(decodeText(new TextEncoder().encode(`\ufeff${text}`))).toEqual({ text, encoding: 'utf-8', hasBom: true });
  });

  it('reads UTF-16 LE and BE as Excel writes "Unicode text", with or without the mark', () => {
    const le = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le', hasBom: true });
    const be = new Uint8Array(le.length);
    for (let index = 0; index < le.length; index += 2) [be[index], be[index + 1]] = [le[index + 1], le[index]];
    expect(decodeText(be)).toEqual({ text, encoding: 'utf-16be', hasBom: true });
    expect(decodeText(le.subarray(2))).toEqual({ text, encoding: 'utf-16le', hasBom: false });
  });

  it('falls back to code page 1258 for bytes that are not UTF-8, composing the tone marks', () => {
    // "Sóc Trăng" in cp1258: o + combining acute (0xEC), a-breve (0xE3).
    const bytes = Uint8Array.from([0x53, 0x6f, 0xec, 0x63, 0x20, 0x54, 0x72, 0xe3, 0x6e, 0x67]);
    expect(decodeText(bytes)).toEqual({ text: 'Sóc Trăng', encoding: 'windows-1258', hasBom: false });
  });

  it('refuses binary content with a message', () => {
    expect(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'a.csv')).toThrow(CoverageInputError);
    expect(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'a.csv')).toThrow(/^a\.csv: the file is not text/);
  });

  it('takes an ArrayBuffer too', () => {
    expect(decodeText(new TextEncoder().encode('a').buffer as ArrayBuffer).text).toBe('a');
  });

  it('spots Vietnamese typed with a legacy TCVN3 font, and not real Unicode text', () => {
    expect(looksLikeLegacyVietnameseFont('Sãc Tr¨ng, HuyÖn Mü Xuyªn, Ph\u00adêng 5')).toBe(true);
    expect(looksLikeLegacyVietnameseFont('Ấp Hòa Đông, Khóm 3, Phường 5, 12° 5½, ©2024, café')).toBe(false);
  });
});
