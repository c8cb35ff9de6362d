import { useMemo } from 'react';
import { formatPercent } from '../../i18n/format';
import { formatSitingMessage } from '../../i18n/siting-text';
import { useLocale, useT } from '../../i18n/use-t';
import { selectIsDemo, useDatasetStore } from '../../state/dataset-store';
import { selectRankedProposals, useProposalsStore } from '../../state/proposals-store';
import { addProposalAt, cancelProposals, runProposals } from '../../state/run-proposals';
import { downloadFile } from '../download-file';
import { buildProposalCsv, buildProposalGeoJson } from './export-proposals';
import { FieldCoordinates } from './FieldCoordinates';
import { ProposalList } from './ProposalList';
import { ProposalOptionsForm } from './ProposalOptionsForm';
import { ProposalKpiTable, ProposalRunSummaryView } from './ProposalResults';

/** Where the add-by-coordinates form starts: Sóc Trăng city. */
const ADD_DEFAULT: [number, number] = [105.972, 9.603];

const PHASES = ['analysis', 'candidates', 'coverage-gain', 'solve', 'after'] as const;

/** Run status: progress of the phases while running, the error or the cancellation after. */
function ProposalRunStatus() {
  const t = useT();
  const locale = useLocale();
  const status = useProposalsStore((state) => state.status);
  const progress = useProposalsStore((state) => state.progress);
  const error = useProposalsStore((state) => state.error);
  const phase = PHASES.find((name) => name === progress?.phase) ?? 'analysis';
  const share = progress && progress.total > 0 ? progress.done / progress.total : 0;
  return (
    <div className="status" role="status" aria-live="polite" data-testid="proposals-status" data-state={status} data-phase={status === 'running' ? phase : ''}>
      {status === 'running' && (
        <>
          <progress max={PHASES.length} value={PHASES.indexOf(phase) + share} aria-hidden="true" />
          <span>{t(`proposals.phase.${phase}`, { percent: formatPercent(share, locale) })}</span>
        </>
      )}
      {status === 'error' && <span className="error" data-testid="proposals-error" data-code={error?.code ?? ''}>{t('proposals.failed', { message: error ? formatSitingMessage(error, locale) : '' })}</span>}
      {status === 'cancelled' && <span>{t('proposals.cancelled')}</span>}
    </div>
  );
}

/** Site proposals: options, run/cancel, the solver's summary, KPIs before → after, editing, export, the list. */
export function PanelProposals() {
  const t = useT();
  const status = useProposalsStore((state) => state.status);
  const proposals = useProposalsStore((state) => state.proposals);
  const evaluation = useProposalsStore((state) => state.evaluation);
  const isAddMode = useProposalsStore((state) => state.isAddMode);
  const actions = useProposalsStore((state) => state.actions);
  const isDemo = useDatasetStore(selectIsDemo);
  const locale = useLocale();
  const isReady = useDatasetStore((state) => state.status === 'ready' && state.hamlets.length > 0);
  const ranked = useMemo(() => selectRankedProposals({ proposals, evaluation }), [proposals, evaluation]);
  const isRunning = status === 'running';
  const fileBase = isDemo ? 'de-xuat-tram-minh-hoa' : 'de-xuat-tram';
  return (
    <div className="site-proposals">
      <h2>{t('proposals.title')}</h2>
      <ProposalOptionsForm isDisabled={isRunning} />
      <div className="button-row">
        <button type="button" data-testid="proposals-run" disabled={isRunning || !isReady} onClick={() => void runProposals()}>
          {t('proposals.run')}
        </button>
        <button type="button" data-testid="proposals-cancel" disabled={!isRunning} onClick={cancelProposals}>
          {t('proposals.cancel')}
        </button>
        <ProposalRunStatus />
      </div>
      <ProposalRunSummaryView />
      <ProposalKpiTable />
      <fieldset>
        <legend>{t('proposals.edit')}</legend>
        <div className="button-row">
          <button type="button" aria-pressed={isAddMode} data-testid="proposals-add-mode" disabled={isRunning} onClick={() => actions.setAddMode(!isAddMode)}>
            {t('proposals.addMode')}
          </button>
          <button type="button" className="danger" data-testid="proposals-clear" disabled={isRunning || proposals.length === 0} onClick={() => actions.clearProposals()}>
            {t('proposals.clear')}
          </button>
        </div>
        <p className="hint">{t('proposals.editHint')}</p>
        <FieldCoordinates lng={ADD_DEFAULT[0]} lat={ADD_DEFAULT[1]} label={t('proposals.addAt')} testId="proposal-add" onSubmit={(lng, lat) => addProposalAt(lng, lat)} />
        <div className="button-row">
          <button type="button" data-testid="proposals-export-csv" disabled={proposals.length === 0} onClick={() => downloadFile(buildProposalCsv(ranked, locale), `${fileBase}.csv`, 'text/csv;charset=utf-8')}>
            {t('proposals.exportCsv')}
          </button>
          <button
            type="button"
            data-testid="proposals-export-geojson"
            disabled={proposals.length === 0}
            onClick={() => downloadFile(JSON.stringify(buildProposalGeoJson(ranked, isDemo, locale)), `${fileBase}.geojson`, 'application/geo+json')}
          >
            {t('proposals.exportGeoJson')}
          </button>
        </div>
        <p className="hint">{t('proposals.exportHint')}</p>
      </fieldset>
      <ProposalList proposals={ranked} />
    </div>
  );
}
