import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import type { ImportReport } from './import-file';

const LISTED_ROWS = 100;

/** Rows read, used and skipped (with the reason for each skipped row), and warnings. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="import-report" data-testid="import-report" aria-live="polite">
      <h3>{t('import.report', { file: report.fileName })}</h3>
      {report.error !== null ? (
        <p className="error" data-testid="import-error">{t('import.failed', { message: report.error })}</p>
      ) : (
        <ul>
          <li data-testid="import-rows-read">{t('import.rowsRead', { count: formatNumber(report.rowsRead, locale) })}</li>
          <li data-testid="import-rows-used">{t('import.rowsUsed', { count: formatNumber(report.rowsUsed, locale) })}</li>
          <li data-testid="import-rows-skipped">{t('import.rowsSkipped', { count: formatNumber(report.skipped.length, locale) })}</li>
        </ul>
      )}
      {report.skipped.length > 0 && (
        <ol className="skipped-rows">
          {report.skipped.slice(0, LISTED_ROWS).map((item) => (
            <li key={item.where}>
              <code>{item.where}</code>: {item.reason}
            </li>
          ))}
        </ol>
      )}
      {report.warnings.length > 0 && (
        <>
          <h4>{t('import.warnings')}</h4>
          <ul className="import-warnings">
            {report.warnings.map((warning, index) => (
              <li key={index}>{warning.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
