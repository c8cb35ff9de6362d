import type { CSSProperties, Ref } from 'react';
import { coveredThresholdOf, coverageStatusOf, referenceLayerKinds, referenceLayerTitle, type CoverageStatus } from '../core';
import { coverageClassLabels } from '../i18n/coverage-classes';
import { useLocale, useT } from '../i18n/use-t';
import { useAnalysisStore } from '../state/analysis-store';
import { useDatasetStore } from '../state/dataset-store';
import { useProposalsStore } from '../state/proposals-store';
import { useSettingsStore } from '../state/settings-store';
import { useUiStore } from '../state/ui-store';
import { APPROXIMATE_STYLE, CHANGE_COLORS, COVERAGE_COLORS, FIBRE_COLOR, REFERENCE_COLORS, SITE_COLORS } from './layers/palette';
import { useReferenceStore } from '../state/reference-store';
import { usePlanStore } from '../state/plan-store';
import { PROPOSAL_COLORS } from './layers/proposal-layers';
import { CHALLENGE_COLORS } from './layers/evidence-layers';
import { selectChallenges, useMeasurementsStore } from '../state/measurements-store';

export interface MapLegendProps {
  showDiscs: boolean;
  onShowDiscsChange(show: boolean): void;
  isCollapsed: boolean;
  onCollapsedChange(isCollapsed: boolean): void;
  /** Whether the hamlets the proposals newly cover are filled as covered (the "after" map). */
  isAfterShown: boolean;
  onAfterShownChange(isShown: boolean): void;
  /** CSS position in the map (the corner chosen so that it hides no uncovered hamlet). */
  position: CSSProperties;
  legendRef: Ref<HTMLElement>;
}

/** The map's mark of approximate hamlets in small: the diagonal hatch inside a dashed edge. */
const APPROXIMATE_SWATCH: CSSProperties = {
  background: `repeating-linear-gradient(-45deg, ${APPROXIMATE_STYLE.color} 0 1px, transparent 1px ${APPROXIMATE_STYLE.hatchSpacingPx * Math.SQRT1_2}px)`,
  border: `1.5px dashed ${APPROXIMATE_STYLE.color}`,
  opacity: 0.85,
};

const HEXAGON = 'polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)';

/** Which coverage classes the shown layer has (a legend lists what the map draws, nothing more). */
function useClassesPresent(): Set<CoverageStatus | 'noData'> {
  const layer = useUiStore((state) => state.layer);
  const report = useAnalysisStore((state) => state.report);
  const hamletCount = useDatasetStore((state) => state.hamlets.length);
  const present = new Set<CoverageStatus | 'noData'>();
  for (const result of report?.hamlets ?? []) present.add(coverageStatusOf(result, layer));
  if ((report?.hamlets.length ?? 0) < hamletCount) present.add('noData');
  return present;
}

/**
 * The map's legend, built from what the map draws: the coverage classes present, each with its rule for
 * the threshold in force on the layer shown; the symbols of that layer only (sites on the mobile maps,
 * fibre points on FTTH); reference layers, hexagons and proposals when shown. It folds to its title,
 * and sits in the corner that hides no uncovered hamlet.
 */
export function MapLegend(props: MapLegendProps) {
  const t = useT();
  const locale = useLocale();
  const layer = useUiStore((state) => state.layer);
  const isFibreMap = layer === 'ftth';
  const hasProposals = useProposalsStore((state) => state.proposals.length > 0);
  const hasGains = useProposalsStore((state) => (state.evaluation?.proposals ?? []).some((proposal) => proposal.helped.length > 0));
  const reportThreshold = useAnalysisStore((state) => state.report?.coveredThreshold);
  const settingsThreshold = useSettingsStore((state) => state.coveredThreshold);
  const siteKinds = useAnalysisStore((state) => [...new Set((state.report?.sites ?? []).map((site) => (site.shared ? 'shared' : 'single')))].sort().join(','));
  const hasFibre = useDatasetStore((state) => state.fibrePoints.length > 0);
  const hasFibreRoutes = useDatasetStore((state) => state.fibreRoutes.length > 0);
  const present = useClassesPresent();
  const hasApproximate = useDatasetStore((state) => state.hamlets.some((hamlet) => hamlet.approximate === true));
  const classes = coverageClassLabels(coveredThresholdOf(reportThreshold ?? settingsThreshold, layer), t, locale);
  const challengeKinds = useMeasurementsStore((state) => (state.showChallenges ? [...new Set(selectChallenges(state).map((challenge) => challenge.kind))].sort().join(',') : ''));
  const isHexView = useMeasurementsStore((state) => state.showHexView);
  const referenceLayers = useReferenceStore((state) => state.layers);
  const isChangeShown = usePlanStore((state) => state.isChangeShown && state.comparison.beforeId !== null);
  const swatches: ReadonlyArray<readonly [string, string, string]> = isChangeShown
    ? [
        ['newly', t('cycle.legend.newly'), CHANGE_COLORS.newly],
        ['lost', t('cycle.legend.lost'), CHANGE_COLORS.lost],
        ['stillCovered', t('cycle.legend.stillCovered'), CHANGE_COLORS.covered],
        ['stillNone', t('cycle.legend.stillNone'), CHANGE_COLORS.none],
        ['new', t('cycle.legend.new'), CHANGE_COLORS.new],
      ]
    : (
        [
          ['covered', classes.covered, COVERAGE_COLORS.covered],
          ['partial', classes.partial, COVERAGE_COLORS.partial],
          ['none', classes.none, COVERAGE_COLORS.none],
          ['noData', t('legend.noData'), COVERAGE_COLORS.noData],
        ] as const
      ).filter(([status]) => present.has(status));
  const title = isChangeShown ? t('cycle.legend.title', { layer: t(`layer.${layer}`) }) : `${t('legend.title')}: ${t(`layer.${layer}`)}`;
  const canShowAfter = layer === 'mobile' && hasGains && !isChangeShown;
  return (
    <section ref={props.legendRef} className="map-legend" style={props.position} aria-label={t('legend.title')} data-testid="legend" data-collapsed={props.isCollapsed}>
      <h2 data-testid="legend-title">
        <button type="button" className="legend-toggle" aria-expanded={!props.isCollapsed} data-testid="legend-toggle" title={t(props.isCollapsed ? 'legend.expand' : 'legend.collapse')} onClick={() => props.onCollapsedChange(!props.isCollapsed)}>
          <span aria-hidden="true">{props.isCollapsed ? '▸' : '▾'}</span> {title}
        </button>
      </h2>
      {!props.isCollapsed && (
        <>
          <ul>
            {swatches.map(([status, label, color]) => (
              <li key={status} data-testid={`legend-class-${status}`}>
                <span className="swatch" style={{ background: color }} aria-hidden="true" />
                {label}
              </li>
            ))}
            {hasApproximate && (
              <li data-testid="legend-approximate">
                <span className="swatch" style={APPROXIMATE_SWATCH} aria-hidden="true" />
                {t('approx.legend')}
              </li>
            )}
            {!isFibreMap && siteKinds.includes('shared') && (
              <li data-testid="legend-shared-site">
                <span className="dot dot-large" style={{ background: SITE_COLORS.shared }} aria-hidden="true" />
                {t('legend.sharedSite')}
              </li>
            )}
            {!isFibreMap && siteKinds.includes('single') && (
              <li data-testid="legend-single-site">
                <span className="dot" style={{ background: SITE_COLORS.single }} aria-hidden="true" />
                {t('legend.singleSite')}
              </li>
            )}
            {!isFibreMap && siteKinds !== '' && <li className="legend-note">{t('legend.sitesThinned')}</li>}
            {isFibreMap && hasFibre && (
              <li data-testid="legend-fibre">
                <span className="dot dot-small" style={{ background: FIBRE_COLOR }} aria-hidden="true" />
                {t('legend.fibre')}
              </li>
            )}
            {isFibreMap && hasFibreRoutes && (
              <li data-testid="legend-fibre-route">
                <span className="line-sample" style={{ background: FIBRE_COLOR }} aria-hidden="true" />
                {t('legend.fibreRoute')}
              </li>
            )}
            {referenceLayers.map((reference) => {
              const { hasArea, hasLine } = referenceLayerKinds(reference);
              const title = referenceLayerTitle(reference);
              return [
                hasArea && (
                  <li key={`${reference.id}-area`} data-testid="legend-reference-area">
                    <span className="swatch" style={{ background: REFERENCE_COLORS.areaFill, borderColor: REFERENCE_COLORS.areaOutline }} aria-hidden="true" />
                    {t('legend.referenceArea', { file: title })}
                  </li>
                ),
                hasLine && (
                  <li key={`${reference.id}-line`} data-testid="legend-reference-line">
                    <span className="line-sample" style={{ background: REFERENCE_COLORS.line }} aria-hidden="true" />
                    {t('legend.referenceLine', { file: title })}
                  </li>
                ),
              ];
            })}
            {isHexView && (
              <li data-testid="legend-hex-view">
                <span className="swatch" style={{ background: `linear-gradient(90deg, ${COVERAGE_COLORS.none}, ${COVERAGE_COLORS.partial}, ${COVERAGE_COLORS.covered})`, clipPath: HEXAGON }} aria-hidden="true" />
                {t('legend.hexCovered')}
              </li>
            )}
            {challengeKinds.split(',').filter((kind) => kind !== '').map((kind) => (
              <li key={kind} data-testid={`legend-challenge-${kind}`}>
                <span className="swatch" style={{ background: CHALLENGE_COLORS[kind as 'false-covered' | 'false-uncovered'], opacity: 0.7, clipPath: HEXAGON }} aria-hidden="true" />
                {t(kind === 'false-covered' ? 'legend.challengeFalseCovered' : 'legend.challengeFalseUncovered')}
              </li>
            ))}
            {hasProposals && (
              <>
                <li data-testid="legend-proposal-upgrade">
                  <span className="dot dot-large proposal-dot" style={{ background: SITE_COLORS.halo, borderColor: PROPOSAL_COLORS.upgrade }} aria-hidden="true" />
                  {t('legend.proposalUpgrade')}
                </li>
                <li data-testid="legend-proposal-new">
                  <span className="dot dot-large proposal-dot" style={{ background: PROPOSAL_COLORS.new, borderColor: PROPOSAL_COLORS.casing }} aria-hidden="true" />
                  {t('legend.proposalNew')}
                </li>
                <li>
                  <span className="swatch" style={{ background: 'transparent', border: `2px dashed ${PROPOSAL_COLORS.gain}` }} aria-hidden="true" />
                  {t('legend.proposalGain')}
                </li>
              </>
            )}
          </ul>
          {hasProposals && (
            <fieldset className="legend-after" data-testid="legend-after">
              <legend>{t('legend.proposalsMap')}</legend>
              <label className="field-check">
                <input type="radio" name="legend-after" checked={!props.isAfterShown || !canShowAfter} onChange={() => props.onAfterShownChange(false)} data-testid="legend-after-before" />
                {t('legend.proposalsBefore')}
              </label>
              <label className="field-check">
                <input type="radio" name="legend-after" checked={props.isAfterShown && canShowAfter} disabled={!canShowAfter} onChange={() => props.onAfterShownChange(true)} data-testid="legend-after-after" />
                {t('legend.proposalsAfter')}
              </label>
              {!canShowAfter && <p className="legend-note">{t('legend.proposalsAfterOnlyMobile')}</p>}
            </fieldset>
          )}
          {!isFibreMap && (
            <label className="field-check">
              <input type="checkbox" checked={props.showDiscs} onChange={(event) => props.onShowDiscsChange(event.target.checked)} />
              {t('legend.discs')}
            </label>
          )}
        </>
      )}
    </section>
  );
}
