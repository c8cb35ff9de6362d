const OK_WORDS = new Set(['OK', 'SUCCESS', 'SUCCESSFUL', 'SUCCEEDED', 'COMPLETED', 'COMPLETE', 'DONE', 'PASS', 'PASSED', 'TRUE', 'YES', '1', 'THANHCONG', 'DAT', 'CO']);
const FAILED_WORDS = new Set(['FAIL', 'FAILED', 'FAILURE', 'ERROR', 'ABORTED', 'TIMEOUT', 'NOCONNECTION', 'NOSERVICE', 'FALSE', 'NO', '0', 'THATBAI', 'LOI', 'KHONGDAT', 'MATSONG', 'KHONG']);

/**
 * Reads a test's outcome from a status cell.
 * @param raw the cell as written
 * @returns 1 succeeded, 0 failed, -1 not said (blank or an unknown word)
 * @throws never
 * @example parseTestStatus('Thành công') // 1
 */
export function parseTestStatus(raw: string): number {
  const key = raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  if (OK_WORDS.has(key)) return 1;
  if (FAILED_WORDS.has(key)) return 0;
  return -1;
}
