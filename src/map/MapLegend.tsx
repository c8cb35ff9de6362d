import { coveredThresholdOf } from '../core';
import { coverageClassLabels } from '../i18n/coverage-classes';
import { useLocale, useT } from '../i18n/use-t';
import { useAnalysisStore } from '../state/analysis-store';
import { useProposalsStore } from '../state/proposals-store';
import { useSettingsStore } from '../state/settings-store';
import { useUiStore } from '../state/ui-store';
import { CHANGE_COLORS, COVERAGE_COLORS, FIBRE_COLOR, SITE_COLORS } from './layers/palette';
import { usePlanStore } from '../state/plan-store';
import { PROPOSAL_COLORS } from './layers/proposal-layers';
import { CHALLENGE_COLORS } from './layers/evidence-layers';
import { selectChallenges, useMeasurementsStore } from '../state/measurements-store';

export interface MapLegendProps {
  showDiscs: boolean;
  onShowDiscsChange(show: boolean): void;
}

/**
 * Legend of the coverage colours, each class with its rule for the threshold in force on the layer shown
 * (the report's own thresholds once it exists), the site symbols, and the coverage-disc switch.
 */
export function MapLegend({ showDiscs, onShowDiscsChange }: MapLegendProps) {
  const t = useT();
  const locale = useLocale();
  const layer = useUiStore((state) => state.layer);
  const hasProposals = useProposalsStore((state) => state.proposals.length > 0);
  const reportThreshold = useAnalysisStore((state) => state.report?.coveredThreshold);
  const settingsThreshold = useSettingsStore((state) => state.coveredThreshold);
  const classes = coverageClassLabels(coveredThresholdOf(reportThreshold ?? settingsThreshold, layer), t, locale);
  const challengeKinds = useMeasurementsStore((state) => (state.showChallenges ? [...new Set(selectChallenges(state).map((challenge) => challenge.kind))].sort().join(',') : ''));
  const isHexView = useMeasurementsStore((state) => state.showHexView);
  const isChangeShown = usePlanStore((state) => state.isChangeShown && state.comparison.beforeId !== null);
  const swatches: ReadonlyArray<readonly [string, string, string]> = isChangeShown
    ? [
        ['newly', t('cycle.legend.newly'), CHANGE_COLORS.newly],
        ['lost', t('cycle.legend.lost'), CHANGE_COLORS.lost],
        ['stillCovered', t('cycle.legend.stillCovered'), CHANGE_COLORS.covered],
        ['stillNone', t('cycle.legend.stillNone'), CHANGE_COLORS.none],
        ['new', t('cycle.legend.new'), CHANGE_COLORS.new],
      ]
    : [
        ['covered', classes.covered, COVERAGE_COLORS.covered],
        ['partial', classes.partial, COVERAGE_COLORS.partial],
        ['none', classes.none, COVERAGE_COLORS.none],
        ['noData', t('legend.noData'), COVERAGE_COLORS.noData],
      ];
  return (
    <section className="map-legend" aria-label={t('legend.title')} data-testid="legend">
      <h2 data-testid="legend-title">{isChangeShown ? t('cycle.legend.title', { layer: t(`layer.${layer}`) }) : `${t('legend.title')}: ${t(`layer.${layer}`)}`}</h2>
      <ul>
        {swatches.map(([status, label, color]) => (
          <li key={status} data-testid={`legend-class-${status}`}>
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            {label}
          </li>
        ))}
        <li>
          <span className="dot dot-large" style={{ background: SITE_COLORS.shared }} aria-hidden="true" />
          {t('legend.sharedSite')}
        </li>
        <li>
          <span className="dot" style={{ background: SITE_COLORS.single }} aria-hidden="true" />
          {t('legend.singleSite')}
        </li>
        <li>
          <span className="dot dot-small" style={{ background: FIBRE_COLOR }} aria-hidden="true" />
          {t('legend.fibre')}
        </li>
        {isHexView && (
          <li data-testid="legend-hex-view">
            <span className="swatch" style={{ background: `linear-gradient(90deg, ${COVERAGE_COLORS.none}, ${COVERAGE_COLORS.partial}, ${COVERAGE_COLORS.covered})`, clipPath: 'polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)' }} aria-hidden="true" />
            {t('legend.hexCovered')}
          </li>
        )}
        {challengeKinds.split(',').filter((kind) => kind !== '').map((kind) => (
          <li key={kind} data-testid={`legend-challenge-${kind}`}>
            <span className="swatch" style={{ background: CHALLENGE_COLORS[kind as 'false-covered' | 'false-uncovered'], opacity: 0.7, clipPath: 'polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)' }} aria-hidden="true" />
            {t(kind === 'false-covered' ? 'legend.challengeFalseCovered' : 'legend.challengeFalseUncovered')}
          </li>
        ))}
        {hasProposals && (
          <>
            <li>
              <span className="dot dot-large" style={{ background: 'transparent', border: `3px solid ${PROPOSAL_COLORS.upgrade}` }} aria-hidden="true" />
              {t('legend.proposalUpgrade')}
            </li>
            <li>
              <span className="dot dot-large" style={{ background: PROPOSAL_COLORS.new }} aria-hidden="true" />
              {t('legend.proposalNew')}
            </li>
            <li>
              <span className="swatch" style={{ background: 'transparent', border: `2px dashed ${PROPOSAL_COLORS.gain}` }} aria-hidden="true" />
              {t('legend.proposalGain')}
            </li>
          </>
        )}
      </ul>
      <label className="field-check">
        <input type="checkbox" checked={showDiscs} onChange={(event) => onShowDiscsChange(event.target.checked)} />
        {t('legend.discs')}
      </label>
    </section>
  );
}
