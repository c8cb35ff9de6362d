import type { ReactNode } from 'react';
import { LAYER_NAMES, type ChangedHamlet, type ChangedSite, type RematchedSite } from '../../core';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useCurrentReport } from '../../state/current-report';
import { selectChange, usePlanStore } from '../../state/plan-store';
import { useSettingsStore } from '../../state/settings-store';
import { useUiStore } from '../../state/ui-store';
import { TargetChangeTable } from './TargetChangeTable';

const LISTED = 30;

/**
 * A folded list of changed items: its title and count, the first {@link LISTED} items, and how many more.
 * Nothing when there are none.
 */
function ChangeList<T>({ items, title, testId, renderItem }: { items: readonly T[]; title: string; testId: string; renderItem(item: T): ReactNode }) {
  const t = useT();
  const locale = useLocale();
  if (items.length === 0) return null;
  return (
    <details data-testid={testId}>
      <summary>
        {title}: {formatNumber(items.length, locale)}
      </summary>
      <ul>
        {items.slice(0, LISTED).map(renderItem)}
        {items.length > LISTED && <li>{t('list.more', { count: formatNumber(items.length - LISTED, locale) })}</li>}
      </ul>
    </details>
  );
}

/** Hamlets newly covered, lost or in one result only: name (a link to the hamlet), commune, district, households. */
function HamletList({ hamlets, title, testId }: { hamlets: ChangedHamlet[]; title: string; testId: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ChangeList
      items={hamlets}
      title={title}
      testId={testId}
      renderItem={(hamlet) => (
        <li key={hamlet.id} data-id={hamlet.id}>
          <button type="button" className="link-button" onClick={() => useUiStore.getState().actions.select({ kind: 'hamlet', id: hamlet.id }, true)}>
            {hamlet.name}
          </button>{' '}
          — {hamlet.commune}, {hamlet.district}
          {hamlet.households !== null ? ` (${formatNumber(hamlet.households, locale)} ${t('list.households')})` : ''}
        </li>
      )}
    />
  );
}

/** Sites added, gone or whose sharing changed: id and operators. */
function SiteList({ sites, title, testId }: { sites: ChangedSite[]; title: string; testId: string }) {
  return (
    <ChangeList
      items={sites}
      title={title}
      testId={testId}
      renderItem={(site) => (
        <li key={site.id} data-id={site.id}>
          {site.id} — {site.operators.join(', ')}
        </li>
      )}
    />
  );
}

/** Sites found in both results under another id or at another place: the two ids and how far apart. */
function RematchedList({ sites }: { sites: RematchedSite[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ChangeList
      items={sites}
      title={t('cycle.compare.rematchedList')}
      testId="change-rematched-list"
      renderItem={(site) => (
        <li key={`${site.beforeId}\u0000${site.afterId}`} data-before={site.beforeId} data-after={site.afterId}>
          {t(`cycle.compare.rematched.${site.by}`, { before: site.beforeId, after: site.afterId, meters: formatNumber(site.distanceMeters, locale) })}
        </li>
      )}
    />
  );
}

/** Two results side by side: the earlier snapshot and the later one or the current data; what changed. */
export function ChangeSection() {
  const t = useT();
  const locale = useLocale();
  const plan = usePlanStore();
  const report = useCurrentReport();
  const coveredThreshold = useSettingsStore((state) => state.coveredThreshold);
  const matchMeters = useSettingsStore((state) => state.colocationMeters);
  const layer = useUiStore((state) => state.layer);
  if (plan.snapshots.length === 0) {
    return (
      <section aria-labelledby="cycle-compare-title">
        <h2 id="cycle-compare-title">{t('cycle.compare.title')}</h2>
        <p>{t('cycle.compare.none')}</p>
      </section>
    );
  }
  const change = selectChange(plan, report, { coveredThreshold, matchMeters });
  const { actions, comparison } = plan;
  return (
    <section aria-labelledby="cycle-compare-title" data-testid="cycle-compare">
      <h2 id="cycle-compare-title">{t('cycle.compare.title')}</h2>
      <div className="field-row">
        <label className="field">
          <span>{t('cycle.compare.before')}</span>
          <select data-testid="compare-before" value={comparison.beforeId ?? ''} onChange={(event) => actions.setComparison({ beforeId: event.target.value })}>
            {plan.snapshots.map((snapshot) => (
              <option key={snapshot.id} value={snapshot.id}>{snapshot.label}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('cycle.compare.after')}</span>
          <select data-testid="compare-after" value={comparison.afterId ?? ''} onChange={(event) => actions.setComparison({ afterId: event.target.value === '' ? null : event.target.value })}>
            <option value="">{t('cycle.compare.current')}</option>
            {plan.snapshots.filter((snapshot) => snapshot.id !== comparison.beforeId).map((snapshot) => (
              <option key={snapshot.id} value={snapshot.id}>{snapshot.label}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="field-check">
        <input type="checkbox" data-testid="compare-show-on-map" checked={plan.isChangeShown} onChange={(event) => actions.setChangeShown(event.target.checked)} />
        {t('cycle.compare.showOnMap')}
      </label>
      {change && (
        <div className="change-summary" data-testid="change-summary">
          <ul>
            {LAYER_NAMES.map((name) => (
              <li key={name} data-testid={`change-${name}`} data-newly={change.hamlets.newlyCovered[name].length} data-lost={change.hamlets.lost[name].length}>
                {t('cycle.compare.layer', { layer: t(`layer.${name}`), newly: formatNumber(change.hamlets.newlyCovered[name].length, locale), lost: formatNumber(change.hamlets.lost[name].length, locale) })}
              </li>
            ))}
            <li data-testid="change-sites" data-added={change.sites.added.length} data-removed={change.sites.removed.length} data-newly-shared={change.sites.newlyShared.length}>
              {t('cycle.compare.sites', { added: change.sites.added.length, removed: change.sites.removed.length, shared: change.sites.newlyShared.length, rematched: change.sites.rematched.length })}
            </li>
            {change.hamlets.onlyBefore.length + change.hamlets.onlyAfter.length > 0 && <li>{t('cycle.compare.unmatched', { before: change.hamlets.onlyBefore.length, after: change.hamlets.onlyAfter.length })}</li>}
          </ul>
          <HamletList hamlets={change.hamlets.newlyCovered[layer]} title={t('cycle.compare.newlyList', { layer: t(`layer.${layer}`) })} testId="change-newly-list" />
          <HamletList hamlets={change.hamlets.lost[layer]} title={t('cycle.compare.lostList', { layer: t(`layer.${layer}`) })} testId="change-lost-list" />
          <HamletList hamlets={change.hamlets.onlyBefore} title={t('cycle.compare.onlyBeforeList')} testId="change-only-before-list" />
          <HamletList hamlets={change.hamlets.onlyAfter} title={t('cycle.compare.onlyAfterList')} testId="change-only-after-list" />
          <SiteList sites={change.sites.added} title={t('cycle.compare.addedList')} testId="change-added-list" />
          <SiteList sites={change.sites.removed} title={t('cycle.compare.removedList')} testId="change-removed-list" />
          <SiteList sites={change.sites.newlyShared} title={t('cycle.compare.newlySharedList')} testId="change-newly-shared-list" />
          <SiteList sites={change.sites.noLongerShared} title={t('cycle.compare.noLongerSharedList')} testId="change-no-longer-shared-list" />
          <RematchedList sites={change.sites.rematched} />
          <h3>{t('cycle.compare.operators')}</h3>
          <table className="data-table" data-testid="change-operators">
            <thead>
              <tr>
                <th scope="col">{t('cycle.compare.operator')}</th>
                <th scope="col">{t('cycle.compare.sitesThenNow')}</th>
                <th scope="col">{t('cycle.compare.ownNewly')}</th>
                <th scope="col">{t('cycle.compare.householdsNewly')}</th>
              </tr>
            </thead>
            <tbody>
              {change.operators.map((operator) => (
                <tr key={operator.operator}>
                  <th scope="row">{operator.operator}</th>
                  <td>
                    {formatNumber(operator.sites.then, locale)} → {formatNumber(operator.sites.now, locale)}
                  </td>
                  <td>{formatNumber(operator.newlyCovered.mobile, locale)}</td>
                  <td>{formatNumber(operator.householdsNewlyCovered, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <TargetChangeTable change={change} />
        </div>
      )}
    </section>
  );
}
