import { useMemo, useState } from 'react';
import { SHARED_TOWER_OPERATOR, type Technology } from '../../core';
import { formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { useDatasetStore } from '../../state/dataset-store';
import { useProposalsStore } from '../../state/proposals-store';
import type { ProposalRunOptions } from '../../worker/proposal-messages';

const TECHNOLOGIES: Technology[] = ['3G', '4G', '5G'];

/** A number input that reports finite values within [min, max] (empty reports null when allowed). */
function InputNumber({ value, min, max, step, testId, isOptional = false, isDisabled = false, onChange }: { value: number | null; min: number; max: number; step: number; testId: string; isOptional?: boolean; isDisabled?: boolean; onChange(value: number | null): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="number"
      min={min}
      max={max}
      step={step}
      disabled={isDisabled}
      value={draft ?? (value === null ? '' : String(value))}
      data-testid={testId}
      onChange={(event) => {
        setDraft(event.target.value);
        const number = event.target.valueAsNumber;
        if (isOptional && event.target.value.trim() === '') onChange(null);
        else if (Number.isFinite(number) && number >= min && number <= max) onChange(number);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

/** The options of a proposal run: target operators and share, problem, method, candidates, new-site radio. */
export function ProposalOptionsForm({ isDisabled }: { isDisabled: boolean }) {
  const t = useT();
  const locale = useLocale();
  const options = useProposalsStore((state) => state.options);
  const plan = useAnalysisStore((state) => state.report?.targets.find((target) => target.id === 'shared-sites') ?? null);
  const setOptions = useProposalsStore((state) => state.actions.setOptions);
  // Selected as the records array (stable), not as a derived list, which would be new on every read.
  const records = useDatasetStore((state) => state.btsRecords);
  // A shared tower loaded back from a proposal file is no operator to aim at.
  const operators = useMemo(() => [...new Set(records.map((record) => record.operator))].filter((name) => name !== SHARED_TOWER_OPERATOR).sort(), [records]);
  const hasCoverage = options.aim !== 'shared';
  const hasShared = options.aim !== 'coverage';
  const update = (patch: Partial<ProposalRunOptions>) => setOptions(patch);
  const toggleOperator = (name: string, isChecked: boolean) =>
    update({ operators: isChecked ? [...options.operators, name].sort() : options.operators.filter((item) => item !== name) });
  return (
    <fieldset disabled={isDisabled} data-testid="proposal-options">
      <legend>{t('proposals.options')}</legend>
      <fieldset>
        <legend>{t('proposals.operators')}</legend>
        <div className="checkbox-group">
          {operators.map((name) => (
            <label key={name} className="field-check">
              <input type="checkbox" checked={options.operators.includes(name)} data-testid={`proposal-operator-${name}`} onChange={(event) => toggleOperator(name, event.target.checked)} />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="filter-grid">
        <label className="field">
          <span>{t('proposals.aim')}</span>
          <select
            value={options.aim}
            data-testid="proposal-aim"
            onChange={(event) => {
              const aim = event.target.value as ProposalRunOptions['aim'];
              // The k-sites problem aims at coverage alone.
              update(aim === 'coverage' ? { aim } : { aim, problem: 'min-set' });
            }}
          >
            <option value="coverage">{t('proposals.aim.coverage')}</option>
            <option value="shared">{t('proposals.aim.shared')}</option>
            <option value="both">{t('proposals.aim.both')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('proposals.targetShare')}</span>
          <InputNumber value={Math.round(options.targetShare * 1000) / 10} min={0} max={100} step={1} testId="proposal-target" isDisabled={!hasCoverage} onChange={(value) => update({ targetShare: (value ?? 100) / 100 })} />
        </label>
        <label className="field">
          <span>{t('proposals.sharedTarget')}</span>
          <InputNumber value={Math.round(options.sharedTarget * 1000) / 10} min={0} max={100} step={1} testId="proposal-shared-target" isDisabled={!hasShared} onChange={(value) => update({ sharedTarget: (value ?? 30) / 100 })} />
        </label>
        <label className="field">
          <span>{t('proposals.measure')}</span>
          <select value={options.measure} data-testid="proposal-measure" onChange={(event) => update({ measure: event.target.value as ProposalRunOptions['measure'] })}>
            <option value="hamlets">{t('proposals.measure.hamlets')}</option>
            <option value="households">{t('proposals.measure.households')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('proposals.problem')}</span>
          <select value={options.problem} data-testid="proposal-problem" onChange={(event) => update({ problem: event.target.value as ProposalRunOptions['problem'] })}>
            <option value="min-set">{t('proposals.problem.min-set')}</option>
            <option value="budget" disabled={hasShared}>
              {t('proposals.problem.budget')}
            </option>
          </select>
        </label>
        <label className="field">
          <span>{t('proposals.budget')}</span>
          <InputNumber value={options.budget} min={0} max={1000} step={1} testId="proposal-budget" isDisabled={options.problem !== 'budget'} onChange={(value) => update({ budget: Math.round(value ?? 0) })} />
        </label>
        <label className="field">
          <span>{t('proposals.method')}</span>
          <select value={options.method} data-testid="proposal-method" onChange={(event) => update({ method: event.target.value as ProposalRunOptions['method'] })}>
            <option value="exact">{t('proposals.method.exact')}</option>
            <option value="greedy">{t('proposals.method.greedy')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('proposals.timeLimit')}</span>
          <InputNumber value={options.timeLimitSeconds} min={1} max={600} step={1} testId="proposal-time-limit" onChange={(value) => update({ timeLimitSeconds: value ?? 10 })} />
        </label>
        <label className="field">
          <span>{t('proposals.spacing')}</span>
          <InputNumber value={options.gridSpacingMeters} min={0} max={20_000} step={100} testId="proposal-spacing" onChange={(value) => update({ gridSpacingMeters: value ?? 500 })} />
        </label>
        <label className="field">
          <span>{t('proposals.technology')}</span>
          <select value={options.technology} data-testid="proposal-technology" onChange={(event) => update({ technology: event.target.value as Technology })}>
            {TECHNOLOGIES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('proposals.radius')}</span>
          <InputNumber value={options.radiusMeters} min={10} max={50_000} step={100} testId="proposal-radius" isOptional onChange={(value) => update({ radiusMeters: value })} />
        </label>
      </div>
      {hasShared && plan && (
        <p className="hint" data-testid="proposal-shared-hint">
          {t('proposals.sharedTargetHint', { comparator: t(plan.comparator === '>' ? 'proposals.comparator.>' : 'proposals.comparator.>='), target: formatPercent(plan.target, locale) })}
        </p>
      )}
    </fieldset>
  );
}
