import { useLocale } from '../../i18n/use-t';
import { describeApproximate, type ImportReport } from './import-report';

/** The report's lines on approximate hamlets: what was built, and how many list entries found their commune. */
export function ApproximateLines({ approximate }: { approximate: NonNullable<ImportReport['approximate']> }) {
  const [built, matched] = describeApproximate(useLocale(), approximate);
  return (
    <>
      <li data-testid="import-approximate-built" data-count={approximate.hamlets}>{built}</li>
      <li data-testid="import-approximate-matched" data-matched={approximate.hamlets} data-unmatched={approximate.unmatched}>{matched}</li>
    </>
  );
}
