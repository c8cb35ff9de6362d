import { useState } from 'react';
import { FilePickButton } from '../FilePickButton';
import type { MessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { tileOrigin } from '../../state/connection-policy';
import { MAX_PROJECT_BYTES, parseProjectFile, type ProjectFile, type ProjectProblem } from '../../state/project-file';
import { downloadFile } from '../download-file';
import { needsBasemapConsent, restoreProject, serializeCurrentProject } from './project-actions';

type Status =
  | { kind: 'idle' }
  | { kind: 'saved'; fileName: string }
  | { kind: 'opened'; fileName: string; savedAt: string }
  | { kind: 'problems'; fileName: string; problems: ProjectProblem[] }
  | { kind: 'basemap'; fileName: string; project: ProjectFile }
  | { kind: 'reloading' };

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** One problem in the user's words: what is wrong where, the rule, and the value found. */
function ProblemText({ problem }: { problem: ProjectProblem }) {
  const t = useT();
  const rule = problem.rule === undefined ? '' : `: ${t(`stored.rule.${problem.rule}` as MessageKey)}`;
  const found = problem.detail !== undefined && problem.code !== 'too-large' && problem.code !== 'newer-version' ? ` (${t('project.problem.found', { value: problem.detail })})` : '';
  return (
    <>
      {t(`project.problem.${problem.code}` as MessageKey, { path: problem.path, limit: megabytes(MAX_PROJECT_BYTES) })}
      {rule}
      {found}
    </>
  );
}

/** "Lưu dự án" writes one JSON file of layers, settings, indicators, merger table and proposals; "Mở dự án" restores it after checking it. */
export function PanelProject() {
  const t = useT();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const save = () => {
    const now = new Date();
    const fileName = `du-an-phu-song-${now.toISOString().slice(0, 10)}.json`;
    downloadFile(serializeCurrentProject(now.toISOString()), fileName, 'application/json');
    setStatus({ kind: 'saved', fileName });
  };

  const restore = async (fileName: string, project: ProjectFile, isBasemapAllowed: boolean) => {
    const mustReload = await restoreProject(project, isBasemapAllowed);
    if (mustReload) {
      setStatus({ kind: 'reloading' });
      window.location.reload();
      return;
    }
    setStatus({ kind: 'opened', fileName, savedAt: project.savedAt });
  };

  const open = async (file: File) => {
    if (file.size > MAX_PROJECT_BYTES) return setStatus({ kind: 'problems', fileName: file.name, problems: [{ code: 'too-large', path: '', detail: String(file.size) }] });
    const result = parseProjectFile(await file.text());
    if (!result.ok) return setStatus({ kind: 'problems', fileName: file.name, problems: result.problems });
    if (!window.confirm(t('project.openConfirm'))) return;
    // A basemap address from a file is shown, and nothing is requested from it unless the user agrees.
    if (needsBasemapConsent(result.project)) return setStatus({ kind: 'basemap', fileName: file.name, project: result.project });
    await restore(file.name, result.project, false);
  };

  return (
    <section className="project-file" aria-labelledby="project-title">
      <h3 id="project-title">{t('project.title')}</h3>
      <p className="hint">{t('project.hint')}</p>
      <div className="button-row">
        <button type="button" data-testid="project-save" onClick={save}>{t('project.save')}</button>
        <FilePickButton accept=".json,application/json" testId="project-open" inputTestId="project-file" onFiles={([file]) => void open(file)}>
          {t('project.open')}
        </FilePickButton>
      </div>
      <div role="status" aria-live="polite" data-testid="project-status" data-state={status.kind}>
        {status.kind === 'saved' && <p>{t('project.saved', { file: status.fileName })}</p>}
        {status.kind === 'opened' && <p>{t('project.opened', { file: status.fileName, savedAt: status.savedAt })}</p>}
        {status.kind === 'reloading' && <p>{t('project.reloading')}</p>}
        {status.kind === 'basemap' && (
          <div className="project-basemap" data-testid="project-basemap">
            <p><strong>{t('project.basemapTitle')}</strong></p>
            <p>{t('project.basemapQuestion', { host: tileOrigin(status.project.settings.basemap.url) ?? '', url: status.project.settings.basemap.url })}</p>
            <div className="button-row">
              <button type="button" data-testid="project-basemap-refuse" onClick={() => void restore(status.fileName, status.project, false)}>{t('project.basemapRefuse')}</button>
              <button type="button" data-testid="project-basemap-allow" onClick={() => void restore(status.fileName, status.project, true)}>{t('project.basemapAllow')}</button>
            </div>
          </div>
        )}
        {status.kind === 'problems' && (
          <>
            <p className="error">{t('project.invalid', { file: status.fileName })}</p>
            <ul className="project-problems" data-testid="project-problems" data-file={status.fileName}>
              {status.problems.map((problem, index) => (
                <li key={index} data-code={problem.code} data-path={problem.path}>
                  <ProblemText problem={problem} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
