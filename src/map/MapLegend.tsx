import { useT } from '../i18n/use-t';
import { useProposalsStore } from '../state/proposals-store';
import { useUiStore } from '../state/ui-store';
import { COVERAGE_COLORS, FIBRE_COLOR, SITE_COLORS } from './layers/palette';
import { PROPOSAL_COLORS } from './layers/proposal-layers';

export interface MapLegendProps {
  showDiscs: boolean;
  onShowDiscsChange(show: boolean): void;
}

/** Legend of the coverage colours and site symbols, with the coverage-disc switch. */
export function MapLegend({ showDiscs, onShowDiscsChange }: MapLegendProps) {
  const t = useT();
  const layer = useUiStore((state) => state.layer);
  const hasProposals = useProposalsStore((state) => state.proposals.length > 0);
  const swatches = [
    ['legend.covered', COVERAGE_COLORS.covered],
    ['legend.partial', COVERAGE_COLORS.partial],
    ['legend.none', COVERAGE_COLORS.none],
    ['legend.noData', COVERAGE_COLORS.noData],
  ] as const;
  return (
    <section className="map-legend" aria-label={t('legend.title')} data-testid="legend">
      <h2>
        {t('legend.title')}: {t(`layer.${layer}`)}
      </h2>
      <ul>
        {swatches.map(([key, color]) => (
          <li key={key}>
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            {t(key)}
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
