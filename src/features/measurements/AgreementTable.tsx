import type { AgreementRow } from '../../core';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/** Prediction against the field per operator × technology: judged tests, agreement, both kinds of error. */
export function AgreementTable({ rows }: { rows: AgreementRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section>
      <h3>{t('evidence.agreement')}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t('evidence.noAgreement')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="evidence-agreement-table">
            <thead>
              <tr>
                <th scope="col">{t('evidence.operator')}</th>
                <th scope="col">{t('evidence.technology')}</th>
                <th scope="col">{t('evidence.tests')}</th>
                <th scope="col">{t('evidence.agreementShare')}</th>
                <th scope="col">{t('evidence.falseCovered')}</th>
                <th scope="col">{t('evidence.falseUncovered')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.operator}|${row.technology}`} data-testid="evidence-agreement-row">
                  <th scope="row">{row.operator}</th>
                  <td>{row.technology}</td>
                  <td>{formatNumber(row.tests, locale)}</td>
                  <td>{formatPercent(row.tests > 0 ? row.agree / row.tests : 0, locale)}</td>
                  <td>{formatNumber(row.falseCovered, locale)}</td>
                  <td>{formatNumber(row.falseUncovered, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
