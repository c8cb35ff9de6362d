import { useState } from 'react';
import { decodePlanProfile, derivePlanProfile, PLAN_GROUPINGS, type PlanGrouping, type PlanProfile } from '../../core';
import { formatTargetValue } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { parseIndicatorInput } from '../kpi-dashboard/parse-indicator-input';
import { usePlanStore } from '../../state/plan-store';

interface Draft {
  title: string;
  shortTitle: string;
  startYear: string;
  horizonYear: string;
  grouping: PlanGrouping[];
  /** Each target's threshold as typed (shares as 0–1 or %). */
  thresholds: string[];
}

function draftOf(profile: PlanProfile, locale: 'vi' | 'en'): Draft {
  return {
    title: profile.title,
    shortTitle: profile.shortTitle,
    startYear: String(profile.startYear),
    horizonYear: String(profile.horizonYear),
    grouping: [...profile.grouping],
    thresholds: profile.targets.map((target) => formatTargetValue(target.target, target.unit, locale).replace(/\s*Mbit\/s$/, '')),
  };
}

/** A new plan made from the current one (the next period of the merged city by default), or the current one edited. */
export function PlanForm({ mode, onDone }: { mode: 'derive' | 'edit'; onDone(): void }) {
  const t = useT();
  const locale = useLocale();
  const current = usePlanStore((state) => state.profile);
  const setProfile = usePlanStore((state) => state.actions.setProfile);
  const [draft, setDraft] = useState<Draft>(() => {
    if (mode === 'edit') return draftOf(current, locale);
    const start = current.horizonYear + 1;
    const end = start + 4;
    const next = derivePlanProfile(current, { id: `plan-${start}-${end}`, startYear: start, horizonYear: end, grouping: ['new_commune'] });
    return { ...draftOf(next, locale), title: t('cycle.form.deriveTitle', { start, end }), shortTitle: t('cycle.form.deriveShortTitle') };
  });
  const [invalid, setInvalid] = useState<string[]>([]);
  const patch = (change: Partial<Draft>) => setDraft((value) => ({ ...value, ...change }));

  const save = () => {
    const startYear = Number(draft.startYear);
    const horizonYear = Number(draft.horizonYear);
    const targets = current.targets.map((target, index) => {
      const parsed = parseIndicatorInput(draft.thresholds[index] ?? '', target.unit);
      return parsed === null ? target : { ...target, target: parsed };
    });
    const badTargets = current.targets.filter((target, index) => parseIndicatorInput(draft.thresholds[index] ?? '', target.unit) === null).map((target) => target.label);
    const base = mode === 'edit' ? current : derivePlanProfile(current, { id: `plan-${startYear}-${horizonYear}`, startYear: Number.isInteger(startYear) ? startYear : current.startYear });
    const candidate = { ...base, title: draft.title, shortTitle: draft.shortTitle, startYear, horizonYear, grouping: draft.grouping, targets };
    if (mode === 'derive' || draft.shortTitle !== current.shortTitle) delete (candidate as Partial<PlanProfile>).shortTitleEn;
    const decoded = decodePlanProfile(candidate);
    const problems = [...badTargets, ...(decoded.ok ? [] : decoded.problems.map((problem) => problem.path))];
    if (!decoded.ok || problems.length > 0) return setInvalid(problems);
    setProfile(decoded.value);
    onDone();
  };

  return (
    <form
      className="plan-form"
      data-testid="cycle-plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label className="field">
        <span>{t('cycle.form.title')}</span>
        <input data-testid="cycle-form-title" value={draft.title} onChange={(event) => patch({ title: event.target.value })} />
      </label>
      <label className="field">
        <span>{t('cycle.form.shortTitle')}</span>
        <input data-testid="cycle-form-short-title" value={draft.shortTitle} onChange={(event) => patch({ shortTitle: event.target.value })} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('cycle.form.startYear')}</span>
          <input type="number" data-testid="cycle-form-start" value={draft.startYear} onChange={(event) => patch({ startYear: event.target.value })} />
        </label>
        <label className="field">
          <span>{t('cycle.form.horizonYear')}</span>
          <input type="number" data-testid="cycle-form-horizon" value={draft.horizonYear} onChange={(event) => patch({ horizonYear: event.target.value })} />
        </label>
      </div>
      <fieldset>
        <legend>{t('cycle.form.grouping')}</legend>
        {PLAN_GROUPINGS.map((grouping) => (
          <label key={grouping} className="field-check">
            <input
              type="checkbox"
              checked={draft.grouping.includes(grouping)}
              onChange={(event) => patch({ grouping: PLAN_GROUPINGS.filter((item) => (item === grouping ? event.target.checked : draft.grouping.includes(item))) })}
            />
            {t(`cycle.grouping.${grouping}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('cycle.form.targets')}</legend>
        {current.targets.map((target, index) => (
          <label key={target.id} className="field field-target">
            <span>
              {target.label} ({target.comparator === '>' ? '>' : '≥'})
            </span>
            <input
              data-testid={`cycle-form-target-${target.id}`}
              value={draft.thresholds[index] ?? ''}
              onChange={(event) => {
                const text = event.target.value;
                setDraft((value) => ({ ...value, thresholds: value.thresholds.map((old, at) => (at === index ? text : old)) }));
              }}
            />
          </label>
        ))}
      </fieldset>
      {invalid.length > 0 && (
        <p className="error" role="alert">
          {t('cycle.form.invalid', { fields: invalid.join(', ') })}
        </p>
      )}
      <div className="button-row">
        <button type="submit" data-testid="cycle-form-save">{t('cycle.form.save')}</button>
        <button type="button" onClick={onDone}>{t('cycle.form.cancel')}</button>
      </div>
    </form>
  );
}
