// Faulty inputs in the Vietnamese interface, beyond the import reports (import-messages.spec): options
// the siting engine refuses, a broken plan file, a map file GDAL cannot open. Every refusal reads in
// Vietnamese, in a planner's words: no English sentence, no message code, no schema or solver jargon.
import { describe, expect, it } from 'vitest';
import { openAppForSuite } from './driver';

/** English and developer words that must not appear in the Vietnamese interface. */
const FOREIGN = new RegExp(
  `\\b(${[
    'the', 'is', 'are', 'not', 'of', 'and', 'or', 'to', 'at', 'by', 'for', 'must', 'be', 'cannot', 'should', 'expected', 'got', 'received',
    'invalid', 'option', 'error', 'file', 'format', 'supported', 'recognized', 'failed', 'unable', 'open', 'string', 'number', 'boolean',
    'Object', 'Array', 'undefined', 'null', 'NaN', 'never', 'greedy', 'gap', 'HiGHS', 'worker', 'solver', 'technology', 'spacing', 'grid',
  ].join('|')})\\b`,
);
/** A code as core and the schema write them (`invalid-option`, `error.grid-spacing`, `>=0`). */
const CODE = /\b[a-z]+(?:[-.][a-z0-9]+)+\b|>=|<=|!=/;

/** The words a person reads, with the file's own quoted text and names taken out. */
function wordsOf(text: string, ...names: string[]): string {
  let words = text.replace(/"[^"]*"/g, ' ');
  for (const name of names) words = words.split(name).join(' ');
  return words;
}

describe('faulty inputs speak Vietnamese', () => {
  const app = openAppForSuite();

  it('refuses proposal options the engine cannot use, saying why in Vietnamese', async () => {
    // A grid finer than 10 m: the form takes 0 to 20 000 m, the engine refuses 1 to 9.
    await app.setProposalOption('proposal-spacing', '5');
    const spacing = await app.runProposalsRefused();
    expect(spacing.code).toBe('error.grid-spacing');
    expect(spacing.text).toBe('Không chạy được: Khoảng cách lưới 5 m phải bằng 0 (không dùng lưới) hoặc từ 10 m trở lên');
    expect(wordsOf(spacing.text)).not.toMatch(FOREIGN);
    expect(spacing.text).not.toMatch(CODE);
    await app.setProposalOption('proposal-spacing', '500');
  });

  it('lists a broken plan file\'s problems by place, each in Vietnamese', async () => {
    const plan = JSON.stringify({ startYear: 'năm nay', horizonYear: true, targets: [{ id: 'a', unit: 'pct', target: -1 }], authorities: {}, extra: 1 });
    const refused = await app.importPlanRefused('ke-hoach-hong.json', plan);
    expect(refused.title).toContain('ke-hoach-hong.json');
    expect(refused.problems.length).toBeGreaterThan(4);
    // Written by hand from the file above: a number asked for, a share at least 0, a key missing.
    expect(refused.problems).toContain('startYear: giá trị không hợp lệ (cần một số, nhưng là "năm nay")');
    expect(refused.problems).toContain('targets[0].target: giá trị không hợp lệ (cần ≥ 0, nhưng là -1)');
    expect(refused.problems.some((problem) => /^title: giá trị không hợp lệ \(thiếu mục bắt buộc này\)$/.test(problem))).toBe(true);
    expect(refused.problems.some((problem) => /^targets\[0\]\.unit: giá trị không hợp lệ \(cần "share" hoặc "per100" hoặc "mbps", nhưng là "pct"\)$/.test(problem))).toBe(true);
    for (const problem of refused.problems) {
      // The JSON path before the colon is the file's own words; the rest is ours.
      const told = wordsOf(problem.slice(problem.indexOf(':') + 1));
      expect(told, problem).not.toMatch(FOREIGN);
      expect(told, problem).not.toMatch(CODE);
    }
  });

  it('refuses a map file GDAL cannot open without GDAL\'s English', async () => {
    const bytes = Buffer.from(Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256));
    const report = await app.importForReport('sites', 'tram-hong.gpkg', bytes, 'replace');
    expect(report.state).toBe('error');
    expect(report.text).toContain('không mở được tệp bản đồ: tệp bị hỏng, thiếu tệp đi kèm hoặc không phải định dạng mà bộ đọc GIS nhận ra');
    expect(report.text).toContain('Lớp dữ liệu hiện tại giữ nguyên.');
    const words = wordsOf(report.words, 'tram-hong.gpkg', 'GDAL', 'GIS');
    expect(words).not.toMatch(FOREIGN);
    expect(words).not.toMatch(CODE);
  });

  it('logs no page error', () => {
    expect(app.errors()).toEqual([]);
  });
});
