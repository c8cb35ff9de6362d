import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listOf, message, MESSAGE_CODES, SITING_ERROR_REASONS } from '../core';
import { en, vi } from './dictionary';
import { formatInputProblem, formatMessage, formatSkipped, formatWarning, messageKey } from './format-message';

const CORE = fileURLToPath(new URL('../core/', import.meta.url));

/** Every `.ts` file under a folder, tests left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('every message core can emit reads in both languages', () => {
  it('has a Vietnamese and an English text for every code in the list', () => {
    expect(MESSAGE_CODES.length).toBeGreaterThan(150);
    for (const code of MESSAGE_CODES) {
      const key = messageKey(code);
      expect(vi[key], code).toBeTruthy();
      expect(en[key], code).toBeTruthy();
    }
  });

  it('finds every code written in core\'s sources in the list (so none is emitted untranslated)', () => {
    const known = new Set<string>(MESSAGE_CODES);
    const emitted = new Set<string>();
    for (const file of sourceFiles(CORE)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:message\(|code: )'([a-z0-9.-]+)'/g)) emitted.add(match[1]);
      for (const match of text.matchAll(/`(missing|invalid|implausible)-\$\{field\}`/g)) for (const field of ['name', 'commune', 'district', 'households', 'population']) if (known.has(`${match[1]}-${field}`)) emitted.add(`${match[1]}-${field}`);
      // The siting engine's errors: `new SitingError(code, reason, …)`, told as `siting.error.<reason>`.
      for (const match of text.matchAll(/new SitingError\('[a-z-]+', '([a-z-]+)'/g)) emitted.add(`error.${match[1]}`);
    }
    // The siting engine's messages (solver status, time limit, names, errors) have their texts as
    // `siting.<code>` (formatSitingMessage); the decoders' problems (invalid, duplicate, unknown-key)
    // are named by JSON path at the edge.
    const otherTexts = (code: string) => (Object.hasOwn(vi, `siting.${code}`) && Object.hasOwn(en, `siting.${code}`)) || ['invalid', 'duplicate', 'unknown-key'].includes(code);
    const unknown = [...emitted].filter((code) => !/^\d+$/.test(code) && !known.has(code) && !otherTexts(code));
    expect(unknown).toEqual([]);
    expect(emitted.size).toBeGreaterThan(120);
  });

  it('tells every siting error, status and name in both languages, the Vietnamese in Vietnamese', () => {
    const codes = [
      ...SITING_ERROR_REASONS.map((reason) => `error.${reason}`),
      // What the siting worker itself can report.
      'error.unexpected',
      'error.no-base',
      ...['optimal', 'time-limit', 'stopped', 'greedy', 'greedy-short', 'fallback-failed', 'fallback-greedy-better', 'no-time-left', 'nothing-to-do'],
      ...['coverage-gain', 'preference', 'greedy', 'solve', 'solve-skipped', 'preference-solve'].map((cut) => `cut-short.${cut}`),
      'over-time',
      ...['new', 'new-operator', 'upgrade'].flatMap((kind) => [`proposal-name.${kind}`, `proposal-name.${kind}-unplaced`]),
    ];
    const english = /\b(the|is|not|of|and|must|be|greedy|gap|HiGHS|worker|solver|option|invalid|time-limit)\b/i;
    for (const code of codes) {
      const key = `siting.${code}`;
      expect(Object.hasOwn(vi, key) && Object.hasOwn(en, key), key).toBe(true);
      const text = (vi as Record<string, string>)[key].replace(/\{\w+\}/g, '');
      expect(/[à-ỹđ]/i.test(text), `${key}: ${text}`).toBe(true);
      expect(english.test(text), `${key}: ${text}`).toBe(false);
    }
    // No siting text shows a raw error of a library (HiGHS, a JavaScript exception) to the user.
    for (const key of Object.keys(vi).filter((name) => name.startsWith('siting.'))) expect((vi as Record<string, string>)[key], key).not.toMatch(/\{(reason|detail|message|highsStatus)\}/);
  });

  it('writes the Vietnamese texts in Vietnamese: with its letters, not English words', () => {
    const english = /\b(the|is|not|of|and|file|column|row|missing|with|read)\b/i;
    for (const code of MESSAGE_CODES) {
      const text = vi[messageKey(code)].replace(/\{\w+\}/g, '');
      if (text.replace(/[^\p{L}]/gu, '') === '') continue; // only placeholders: {crs}, {json}
      expect(/[à-ỹđ]/i.test(text) || /^(GeoJSON|TopoJSON|KML|JSON|UTF-8)$/.test(text.trim()), `${code}: ${text}`).toBe(true);
      expect(english.test(text), `${code}: ${text}`).toBe(false);
    }
  });
});

describe('formatMessage', () => {
  it('fills parameters by kind: quoted file text, numbers and shares in the language, nested places, short lists', () => {
    const reason = message('longitude-not-number', { value: '105,9x', at: message('in-column', { column: 'kinh_do' }) });
    expect(formatMessage('vi', reason)).toBe('kinh độ "105,9x" không phải là số (cột "kinh_do")');
    expect(formatMessage('en', reason)).toBe('longitude "105,9x" is not a number (column "kinh_do")');
    const headers = listOf(Array.from({ length: 1_200_000 }, (_, index) => `c${index}`), { quoted: true });
    const tooWide = message('too-many-columns', { count: 1_200_000, limit: 2000, headers });
    expect(formatMessage('vi', tooWide)).toBe('dòng tiêu đề có 1.200.000 ô, nhiều hơn 2.000 ô của một bảng dữ liệu (bắt đầu bằng "c0", "c1", "c2", "c3", "c4" và 1.199.995 mục khác); tệp không phải bảng có dòng tiêu đề');
    expect(formatMessage('en', message('crs-guess', { crs: 'EPSG:3405', vietnamShare: 0.9384, lng: 105.97123, lat: 9.60011 }))).toBe('guessed VN-2000 / UTM zone 48N: 93.8% of the positions in Vietnam, centred at 105.97123° E, 9.60011° N');
    expect(formatMessage('vi', message('crs-guess', { crs: 'EPSG:3405', vietnamShare: 0.9384, lng: 105.97123, lat: 9.60011 }))).toBe('đoán là VN-2000 / UTM múi 48N: 93,8\u00a0% số điểm nằm trong Việt Nam, tâm ở 105,97123° Đ, 9,60011° B');
    expect(formatMessage('en', message('ring-position-not-degrees', { at: message('ring-label', { ring: 0 }), index: 2, lng: 580000.5, lat: 1060000 }))).toContain('[580000.5, 1060000]');
  });

  it('adds the places of a merged warning, and the other reasons of a skipped row', () => {
    const warning = { ...message('swapped-coordinates'), where: 'a.csv:1', places: { count: 1234, first: ['a.csv:1', 'a.csv:2', 'a.csv:3'], noun: 'rows' as const } };
    expect(formatWarning('vi', warning)).toBe('kinh độ và vĩ độ bị ghi ngược (vĩ độ trông như kinh độ của Việt Nam); đã đảo lại (1.234 dòng, đầu tiên: a.csv:1, a.csv:2, a.csv:3 và 1.231 mục khác)');
    const skipped = { where: 'a.csv:2', ...message('missing-operator', { at: message('in-column', { column: 'nha_mang' }) }), also: [message('missing-technology', { at: message('no-column', { names: listOf(['cong_nghe', 'tech'], { quoted: false }) }) })] };
    expect(formatSkipped('en', skipped)).toBe('missing operator (column "nha_mang"); missing technology (no column named cong_nghe, tech)');
    expect(formatInputProblem('vi', { ...message('no-rows'), file: 'tram.csv' })).toBe('tram.csv: tệp không có dòng dữ liệu nào (chỉ có dòng tiêu đề, hoặc không có đối tượng nào)');
  });
});
