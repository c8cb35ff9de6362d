import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import type { ImportReport } from './import-report';

/** The report's lines on approximate hamlets: what was built, and how many list entries found their commune. */
export function ApproximateLines({ approximate }: { approximate: NonNullable<ImportReport['approximate']> }) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <>
      <li data-testid="import-approximate-built" data-count={approximate.hamlets}>
        {t('approx.built', { count: n(approximate.hamlets), communes: n(approximate.communes), voronoi: n(approximate.voronoi), commune: n(approximate.commune) })} ({approximate.communeFile})
      </li>
      <li data-testid="import-approximate-matched" data-matched={approximate.hamlets} data-unmatched={approximate.unmatched}>
        {t('approx.matched', { matched: n(approximate.hamlets), unmatched: n(approximate.unmatched) })}
      </li>
    </>
  );
}
