import { useState } from 'react';
import { FilePickButton } from '../FilePickButton';
import { planAuthorityOn, type DecodeProblem } from '../../core';
import type { MessageKey } from '../../i18n/dictionary';
import { formatDecodeExpectation } from '../../i18n/decode-text';
import { useLocale, useT } from '../../i18n/use-t';
import { usePlanStore } from '../../state/plan-store';
import { planConfigText, readPlanConfig } from './cycle-actions';
import { downloadFile } from '../download-file';
import { PlanForm } from './PlanForm';

type Status = { kind: 'idle' } | { kind: 'imported'; file: string } | { kind: 'problems'; file: string; problems: DecodeProblem[] };

/** The plan in use: its names, years, area and bodies today, groupings and targets; derive, edit, export, import. */
export function PlanSection() {
  const t = useT();
  const locale = useLocale();
  const profile = usePlanStore((state) => state.profile);
  const actions = usePlanStore((state) => state.actions);
  const [form, setForm] = useState<'derive' | 'edit' | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const today = new Date().toISOString().slice(0, 10);
  const authority = planAuthorityOn(profile, today);

  const importFile = async (file: File) => {
    const result = readPlanConfig(await file.text(), file.name);
    if (!result.ok) return setStatus({ kind: 'problems', file: file.name, problems: result.problems });
    actions.setProfile(result.profile);
    setStatus({ kind: 'imported', file: file.name });
  };

  return (
    <section aria-labelledby="cycle-plan-title" data-testid="cycle-plan">
      <h2 id="cycle-plan-title">{t('cycle.plan.title')}</h2>
      <p>
        <strong data-testid="cycle-plan-name">{profile.title}</strong>
        <br />
        {t('cycle.plan.years', { start: profile.startYear, end: profile.horizonYear })} · {t('cycle.plan.targets', { count: profile.targets.length })}
        <br />
        {t('cycle.plan.area', { area: authority.areaName })} · {t('cycle.plan.issuer', { issuer: authority.issuingBody })}
        <br />
        {t('cycle.plan.grouping')}: {profile.grouping.map((grouping) => t(`cycle.grouping.${grouping}`)).join(', ')}
      </p>
      {form ? (
        <PlanForm mode={form} onDone={() => setForm(null)} />
      ) : (
        <div className="button-row">
          <button type="button" data-testid="cycle-plan-derive" onClick={() => setForm('derive')}>{t('cycle.plan.derive')}</button>
          <button type="button" data-testid="cycle-plan-edit" onClick={() => setForm('edit')}>{t('cycle.plan.edit')}</button>
          <button type="button" onClick={() => window.confirm(t('cycle.plan.resetConfirm')) && actions.resetProfile()}>{t('cycle.plan.reset')}</button>
        </div>
      )}
      <div className="button-row">
        <button type="button" data-testid="cycle-plan-export" title={t('cycle.plan.exportHint')} onClick={() => downloadFile(planConfigText(profile), `ke-hoach-${profile.id}.json`, 'application/json')}>
          {t('cycle.plan.export')}
        </button>
        <FilePickButton accept=".json,application/json" inputTestId="cycle-plan-file" onFiles={([file]) => void importFile(file)}>
          {t('cycle.plan.import')}
        </FilePickButton>
      </div>
      <div role="status" aria-live="polite">
        {status.kind === 'imported' && <p>{t('cycle.plan.imported', { file: status.file })}</p>}
        {status.kind === 'problems' && (
          <>
            <p className="error">{t('cycle.plan.invalid', { file: status.file })}</p>
            <ul data-testid="cycle-plan-problems">
              {status.problems.map((problem, index) => (
                <li key={index}>{t('cycle.plan.problem', { path: problem.path || '—', problem: [t(`cycle.problem.${problem.code}` as MessageKey), formatDecodeExpectation(problem, locale)].filter((part) => part !== '').join(' ') })}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
