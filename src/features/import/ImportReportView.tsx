import type { MessageKey } from '../../i18n/dictionary';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { downloadText } from '../hamlet-list/export-hamlets';
import { OutsideSitesOfFile } from '../kpi-dashboard/OutsideSites';
import { nameCrs } from './crs-name';
import { formatImportReportCsv, formatImportReportText, PLACEMENT_CODES, type ImportReport } from './import-report';
import { WARNING_CODES } from './warning-codes';

const LISTED_ROWS = 100;

/**
 * Rows read, used and skipped (with the reason for each skipped row, as core gives it), the format,
 * encoding, sheet and coordinate system, and warnings labelled by code in the user's language;
 * downloadable as CSV or text.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useT();
  const locale = useLocale();
  const label = (code: string): string => (WARNING_CODES.has(code) ? t(`import.code.${code}` as MessageKey) : code);
  const counts = [
    t('import.rowsRead', { count: formatNumber(report.rowsRead, locale) }),
    t('import.rowsUsed', { count: formatNumber(report.rowsUsed, locale) }),
    t('import.rowsSkipped', { count: formatNumber(report.skipped.length, locale) }),
  ];
  const crsText = report.crs
    ? t('import.crsLine', { crs: nameCrs(report.crs.crsId, report.crs.crsLabel, locale, t), source: t(`import.crsSource.${report.crs.source}`) }) + (report.crs.isSwapped ? ` ${t('import.crsSwapped')}` : '')
    : null;
  const megabytes = (bytes: number) => `${formatNumber(bytes / 1024 / 1024, locale, bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  const errorText = report.size
    ? t('import.tooLarge', { file: report.fileName, size: megabytes(report.size.sizeBytes), limit: megabytes(report.size.limitBytes) })
    : t('import.failed', { message: report.error ?? '' });
  const baseName = report.fileName.replace(/\.[^.]+$/, '');
  const download = (kind: 'csv' | 'txt') => {
    if (kind === 'csv') downloadText(formatImportReportCsv(report), `bao-cao-nhap-${baseName}.csv`, 'text/csv;charset=utf-8');
    else downloadText(formatImportReportText(report, { title: t('import.report', { file: report.fileName }), counts, crs: crsText, skipped: t('import.skippedTitle'), warnings: t('import.warnings') }, label), `bao-cao-nhap-${baseName}.txt`, 'text/plain;charset=utf-8');
  };
  return (
    <section className="import-report" data-testid="import-report" data-state={report.error === null ? 'ok' : 'error'} aria-live="polite">
      <h3>{t('import.report', { file: report.fileName })}</h3>
      {report.error !== null ? (
        <p className="error" role="alert" data-testid="import-error" data-code={report.errorCode ?? ''}>{errorText}</p>
      ) : (
        <ul>
          <li data-testid="import-rows-read">{counts[0]}</li>
          <li data-testid="import-rows-used">{counts[1]}</li>
          <li data-testid="import-rows-skipped">{counts[2]}</li>
          {report.format && (
            <li data-testid="import-format">
              {t('import.formatLine', { format: report.format })}
              {report.encoding ? ` · ${t('import.encodingLine', { encoding: report.encoding })}` : ''}
              {report.sheet ? ` · ${t('import.sheetLine', { sheet: report.sheet.name })}` : ''}
              {report.parseMs !== undefined ? ` · ${t('import.parseTime', { ms: formatNumber(report.parseMs, locale) })}` : ''}
            </li>
          )}
          {crsText && <li data-testid="import-crs" data-crs={report.crs?.crsId}>{crsText}</li>}
        </ul>
      )}
      {report.kind === 'sites' && report.error === null && <OutsideSitesOfFile fileName={report.fileName} />}
      {report.skipped.length > 0 && (
        <>
          <h4>{t('import.skippedTitle')}</h4>
          <ol className="skipped-rows" data-testid="import-skipped">
            {report.skipped.slice(0, LISTED_ROWS).map((item) => (
              <li key={item.where}>
                <code>{item.where}</code>: {item.reason}
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
                <strong>{label(warning.code)}</strong>
                {warning.where ? <> (<code>{warning.where}</code>)</> : null}: {warning.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row">
        <button type="button" data-testid="import-report-csv" onClick={() => download('csv')}>{t('import.downloadCsv')}</button>
        <button type="button" data-testid="import-report-txt" onClick={() => download('txt')}>{t('import.downloadText')}</button>
      </div>
    </section>
  );
}
