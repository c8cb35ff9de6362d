import Papa from 'papaparse';

/** One cell of an exported table: text, a number, or empty. */
export type CsvCell = string | number | null | undefined;

/**
 * How a CSV is written. `standard`: comma-separated, `.` as the decimal mark (QGIS, LibreOffice, Excel
 * in an English locale). `excel-vn`: semicolon-separated, `,` as the decimal mark, what Excel expects on
 * a PC set to Vietnamese (its list separator is `;`), so the file opens in columns with numbers as numbers.
 */
export type CsvDialect = 'standard' | 'excel-vn';

/** Options of {@link writeCsv}. */
export interface WriteCsvOptions {
  dialect?: CsvDialect;
  /** Start with a UTF-8 byte-order mark, so Excel reads Vietnamese letters (default true). */
  bom?: boolean;
}

/** What a spreadsheet would run as a formula: a cell starting with one of these characters. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one CSV writer of every export (hamlet lists, import reports, proposals, the CLI's tables).
 * Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return: a site id `=HYPERLINK(…)` from an operator's file) get a leading `'`; numbers are
 * written as numbers (never escaped, with the dialect's decimal mark); quoting and separators are
 * papaparse's. Rows end with CRLF, as spreadsheet programs write them.
 * @param header the column names, in the user's language or the file format's own
 * @param rows the rows, cells in header order
 * @param options dialect (`standard` or `excel-vn`) and byte-order mark
 * @returns the CSV text
 * @throws never
 * @example writeCsv(['id', 'share'], [['=1+1', 0.5]], { dialect: 'excel-vn', bom: false }) // "id;share\r\n'=1+1;0,5\r\n"
 */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: WriteCsvOptions = {}): string {
  const dialect = options.dialect ?? 'standard';
  const cell = (value: CsvCell): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return '';
      const text = String(value);
      return dialect === 'excel-vn' ? text.replace('.', ',') : text;
    }
    return FORMULA_START.test(value) ? `'${value}` : value;
  };
  const data: string[][] = [header.map((name) => cell(name))];
  for (const row of rows) data.push(row.map(cell));
  // Cells are escaped above (numbers must not be, even with a decimal comma), so papaparse's own
  // formula escaping stays off.
  // In a one-column table an empty cell would be a blank line, which readers take for no row at all
  // (a file of the header alone reads as empty): written as "" it stays a row.
  const quotes = header.length === 1 ? (value: unknown) => value === '' : false;
  const text = Papa.unparse(data, { delimiter: dialect === 'excel-vn' ? ';' : ',', newline: '\r\n', escapeFormulae: false, quotes });
  return `${options.bom === false ? '' : '\ufeff'}${text}\r\n`;
}

/**
 * A share in [0, 1] as a spreadsheet reads a percentage: `93.8%` (or `93,8%` in the `excel-vn`
 * dialect), one decimal. Kept as text so the writer adds nothing; Excel parses it as a number.
 * @param share the share
 * @param dialect the CSV dialect
 * @returns the percentage text, `''` for a missing share
 * @throws never
 * @example csvPercent(0.9384, 'excel-vn') // '93,8%'
 */
export function csvPercent(share: number | null | undefined, dialect: CsvDialect): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '';
  const text = `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
  return dialect === 'excel-vn' ? text.replace('.', ',') : text;
}
