import { formatNumber } from '../../i18n/format';
import { formatSkipped, formatWarning } from '../../i18n/format-message';
import { useLocale, useT } from '../../i18n/use-t';
import { downloadFile } from '../download-file';
import { OutsideSitesOfFile } from '../kpi-dashboard/OutsideSites';
import { ApproximateLines } from './ApproximateLines';
import { describeCrs, describeFibreWithoutOperator, describeProblem, encodingName, formatImportReportCsv, formatImportReportText, formatName, PLACEMENT_CODES, reportCounts, type ImportReport } from './import-report';

const LISTED_ROWS = 100;

/**
 * Rows read, used and skipped (each skipped row with its reasons), the format, encoding, sheet and
 * coordinate system, and the warnings, all in the user's language; downloadable as CSV (standard or
 * for Excel on a Vietnamese-locale PC) or text. A refused file says why and that nothing changed.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useT();
  const locale = useLocale();
  const counts = reportCounts(locale, report);
  const crsText = report.crs ? describeCrs(locale, report.crs) : null;
  const baseName = report.fileName.replace(/\.[^.]+$/, '');
  const download = (kind: 'csv' | 'csv-excel' | 'txt') => {
    if (kind === 'txt') downloadFile(formatImportReportText(report, locale), `bao-cao-nhap-${baseName}.txt`, 'text/plain;charset=utf-8');
    else downloadFile(formatImportReportCsv(report, locale, kind === 'csv' ? 'standard' : 'excel-vn'), `bao-cao-nhap-${baseName}${kind === 'csv' ? '' : '-excel'}.csv`, 'text/csv;charset=utf-8');
  };
  return (
    <section className="import-report" data-testid="import-report" data-state={report.problem === null ? 'ok' : 'error'} aria-live="polite">
      <h3>{t('import.report', { file: report.fileName })}</h3>
      {report.problem !== null ? (
        <p className="error" role="alert" data-testid="import-error" data-code={report.problem.code}>
          {describeProblem(locale, report.problem)} {t('import.refusedKept')}
        </p>
      ) : (
        <ul>
          <li data-testid="import-rows-read">{counts[0]}</li>
          <li data-testid="import-rows-used">{counts[1]}</li>
          <li data-testid="import-rows-skipped">{counts[2]}</li>
          {report.format && (
            <li data-testid="import-format" data-format={report.format} data-parse-ms={report.parseMs}>
              {t('import.formatLine', { format: formatName(locale, report.format) })}
              {report.encoding ? ` · ${t('import.encodingLine', { encoding: encodingName(locale, report.encoding) })}` : ''}
              {report.sheet ? ` · ${t('import.sheetLine', { sheet: report.sheet.name })}` : ''}
            </li>
          )}
          {crsText && <li data-testid="import-crs" data-crs={report.crs?.crsId}>{crsText}</li>}
          {report.approximate && <ApproximateLines approximate={report.approximate} />}
          {report.fibreWithoutOperator && (
            <li data-testid="import-fibre-no-operator" data-count={report.fibreWithoutOperator.count}>
              {describeFibreWithoutOperator(locale, report.fibreWithoutOperator)}
            </li>
          )}
          {report.duplicates && (
            <li data-testid="import-duplicates-done" data-choice={report.duplicates.choice}>
              {t('import.duplicates.done', { choice: t(`import.duplicates.${report.duplicates.choice}`), count: formatNumber(report.duplicates.count, locale) })}
            </li>
          )}
        </ul>
      )}
      {report.kind === 'sites' && report.problem === null && <OutsideSitesOfFile fileName={report.fileName} />}
      {report.skipped.length > 0 && (
        <>
          <h4>{t('import.skippedTitle')}</h4>
          <ol className="skipped-rows" data-testid="import-skipped">
            {report.skipped.slice(0, LISTED_ROWS).map((item, index) => (
              <li key={index} data-code={item.code}>
                <code>{item.where}</code>: {formatSkipped(locale, item)}
              </li>
            ))}
          </ol>
          {report.skipped.length > LISTED_ROWS && <p className="hint">{t('import.moreInDownload', { count: formatNumber(report.skipped.length - LISTED_ROWS, locale) })}</p>}
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h4>{t('import.warnings')}</h4>
          <ul className="import-warnings" data-testid="import-warnings">
            {report.warnings.map((warning, index) => (
              <li key={index} data-code={warning.code} className={PLACEMENT_CODES.includes(warning.code) ? 'warning-placement' : undefined}>
                {warning.where ? <><code>{warning.where}</code>: </> : null}
                {formatWarning(locale, warning)}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row">
        <button type="button" data-testid="import-report-csv" onClick={() => download('csv')}>{t('import.downloadCsv')}</button>
        <button type="button" data-testid="import-report-csv-excel" onClick={() => download('csv-excel')}>{t('import.downloadCsvExcel')}</button>
        <button type="button" data-testid="import-report-txt" onClick={() => download('txt')}>{t('import.downloadText')}</button>
      </div>
    </section>
  );
}
