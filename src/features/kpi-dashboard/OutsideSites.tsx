import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { useDatasetStore } from '../../state/dataset-store';
import { useUiStore } from '../../state/ui-store';

const LISTED_SITES = 20;

/**
 * The sites that stand outside every hamlet (outside the planning area, or in a gap of the hamlet
 * layer), from the report's own site placement: counted, listed, and each one a click away on the map.
 */
export function OutsideSites() {
  const t = useT();
  const locale = useLocale();
  const sites = useAnalysisStore((state) => state.report?.sites);
  const select = useUiStore((state) => state.actions.select);
  const outside = (sites ?? []).filter((site) => site.hamletId === null);
  if (outside.length === 0) return null;
  return (
    <section className="outside-sites" data-testid="outside-sites" data-count={outside.length}>
      <h2>{t('outside.title')}</h2>
      <p role="status">{t('outside.summary', { count: formatNumber(outside.length, locale) })}</p>
      <ul className="site-list">
        {outside.slice(0, LISTED_SITES).map((site) => (
          <li key={site.id}>
            <button type="button" className="link-button" data-testid="outside-site" data-id={site.id} aria-label={t('outside.zoom', { site: site.id })} onClick={() => select({ kind: 'site', id: site.id }, true)}>
              {site.id}
            </button>{' '}
            — {site.operators.join(', ')}
          </li>
        ))}
      </ul>
      {outside.length > LISTED_SITES && <p className="hint">{t('outside.more', { count: formatNumber(outside.length - LISTED_SITES, locale) })}</p>}
    </section>
  );
}

function isFromFile(source: string | undefined, fileName: string): boolean {
  if (source === undefined) return false;
  // Places are `file:row`, `file#feature` or `file[Sheet]:row`.
  return source === fileName || (source.startsWith(fileName) && ':#[/'.includes(source.charAt(fileName.length)));
}

/**
 * For the import report of a site list: the sites of that file that the analysis found outside every
 * hamlet (shown once the analysis of the imported data has run).
 */
export function OutsideSitesOfFile({ fileName }: { fileName: string }) {
  const t = useT();
  const locale = useLocale();
  const sites = useAnalysisStore((state) => state.report?.sites);
  const records = useDatasetStore((state) => state.btsRecords);
  const ids = new Set(records.filter((record) => isFromFile(record.source, fileName)).map((record) => record.siteId));
  const outside = (sites ?? []).filter((site) => site.hamletId === null && site.recordSiteIds.some((id) => ids.has(id)));
  if (outside.length === 0) return null;
  const listed = outside.slice(0, 10).map((site) => site.id).join(', ');
  const more = outside.length > 10 ? ` ${t('outside.more', { count: formatNumber(outside.length - 10, locale) })}` : '';
  return (
    <p className="warning-placement" role="status" data-testid="import-outside-sites" data-count={outside.length}>
      {t('outside.fromFile', { count: formatNumber(outside.length, locale), list: `${listed}${more}` })}
    </p>
  );
}
