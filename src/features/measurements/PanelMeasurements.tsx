import { useState } from 'react';
import type { MeasurementOptions } from '../../core';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { selectIsDemo, useDatasetStore } from '../../state/dataset-store';
import { useMeasurementsStore } from '../../state/measurements-store';
import { AgreementTable } from './AgreementTable';
import { CalibrationTable } from './CalibrationTable';
import { ChallengeList } from './ChallengeList';
import { HexViewExport } from './HexViewExport';
import { SpeedTable } from './SpeedTable';
import './measurements.css';

/** A number field of the rules that applies on change when the value is in range. */
function FieldRule({ label, hint, value, min, max, step, testId, onChange }: { label: string; hint?: string; value: number; min: number; max: number; step: number; testId: string; onChange(value: number): void }) {
  const [text, setText] = useState(String(value));
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        data-testid={testId}
        min={min}
        max={max}
        step={step}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const number = Number(event.target.value);
          if (event.target.value.trim() !== '' && number >= min && number <= max) onChange(number);
        }}
      />
      {hint && <span className="hint">{hint}</span>}
    </label>
  );
}

function RulesForm({ rules, onChange }: { rules: MeasurementOptions; onChange(patch: Partial<MeasurementOptions>): void }) {
  const t = useT();
  return (
    <details className="evidence-rules">
      <summary>{t('evidence.rules')}</summary>
      <FieldRule label={t('evidence.rsrp')} hint={t('evidence.rsrpHint')} value={rules.rsrpThresholdDbm} min={-156} max={-31} step={1} testId="evidence-rsrp" onChange={(value) => onChange({ rsrpThresholdDbm: value })} />
      <label className="field">
        <span>{t('evidence.resolution')}</span>
        <select data-testid="evidence-resolution" value={rules.h3Resolution} onChange={(event) => onChange({ h3Resolution: Number(event.target.value) })}>
          {[8, 9].map((resolution) => (
            <option key={resolution} value={resolution}>
              {t(`evidence.resolution.${resolution as 8 | 9}`)}
            </option>
          ))}
        </select>
      </label>
      <FieldRule label={t('evidence.minTests')} value={rules.challengeMinTests} min={1} max={1000} step={1} testId="evidence-min-tests" onChange={(value) => onChange({ challengeMinTests: Math.round(value) })} />
      <FieldRule label={t('evidence.minHours')} value={rules.challengeMinHoursApart} min={0} max={720} step={0.5} testId="evidence-min-hours" onChange={(value) => onChange({ challengeMinHoursApart: value })} />
      <FieldRule label={t('evidence.minSamples')} value={rules.minSamplesPerMonth} min={0} max={100000} step={1} testId="evidence-min-samples" onChange={(value) => onChange({ minSamplesPerMonth: Math.round(value) })} />
    </details>
  );
}

/** The field-test panel: what the tests say about speeds, the prediction, the radii, and the hexagons to raise. */
export function PanelMeasurements() {
  const t = useT();
  const locale = useLocale();
  const state = useMeasurementsStore();
  const { actions } = state;
  const isDemo = useDatasetStore(selectIsDemo);
  const groups = useAnalysisStore((analysis) => analysis.report?.groups);
  const groupings = ['district', 'commune', 'new_commune'].filter((name) => groups?.[name] !== undefined);
  const [groupBy, setGroupBy] = useState('commune');
  const chosenGrouping = groupings.includes(groupBy) ? groupBy : (groupings[0] ?? 'district');
  const result = state.result;
  if (state.set === null || state.set.count === 0) {
    return (
      <div className="evidence">
        <h2>{t('evidence.title')}</h2>
        <p className="hint" data-testid="evidence-empty">
          {t('evidence.empty')}
        </p>
        <RulesForm rules={state.rules} onChange={actions.setRules} />
      </div>
    );
  }
  const period = result?.measurements.period;
  const periodText = period === undefined ? '' : period.from === null ? t('evidence.periodUndated', { months: formatNumber(period.months, locale) }) : t('evidence.period', { from: period.from, to: period.to ?? period.from });
  return (
    <div className="evidence">
      <h2>{t('evidence.title')}</h2>
      <p data-testid="evidence-summary">{t('evidence.summary', { tests: formatNumber(result?.measurements.tests ?? state.set.count, locale), files: formatNumber(state.files.length, locale), period: periodText })}</p>
      {result !== null && result.measurements.outsideHamlets > 0 && <p className="hint">{t('evidence.outside', { count: formatNumber(result.measurements.outsideHamlets, locale) })}</p>}
      <p role="status" aria-live="polite" data-testid="evidence-status" data-status={state.status}>
        {state.status === 'running' ? t('evidence.running') : state.status === 'error' ? <span title={state.error ?? undefined}>{t('evidence.failed')}</span> : ''}
      </p>
      <RulesForm rules={state.rules} onChange={actions.setRules} />
      <div className="button-row">
        <label className="field-check">
          <input type="checkbox" data-testid="evidence-show-challenges" checked={state.showChallenges} onChange={(event) => actions.setShowChallenges(event.target.checked)} />
          {t('evidence.showChallenges')}
        </label>
        <label className="field-check">
          <input type="checkbox" data-testid="evidence-hex-view" checked={state.showHexView} onChange={(event) => actions.setShowHexView(event.target.checked)} />
          {t('evidence.hexView')}
        </label>
        <HexViewExport isDemo={isDemo} />
      </div>
      {result !== null && (
        <>
          <ChallengeList challenges={result.measurements.challenges} rules={result.measurements.rules} isDemo={isDemo} />
          <SpeedTable result={result} groupBy={chosenGrouping} groupings={groupings} onGroupByChange={setGroupBy} />
          <AgreementTable rows={result.measurements.agreement} />
          <CalibrationTable rows={result.measurements.calibration} effects={result.effects} rules={result.measurements.rules} />
        </>
      )}
      <button
        type="button"
        className="danger"
        data-testid="evidence-clear"
        onClick={() => {
          if (window.confirm(t('evidence.clearConfirm'))) actions.clear();
        }}
      >
        {t('evidence.clear')}
      </button>
    </div>
  );
}
