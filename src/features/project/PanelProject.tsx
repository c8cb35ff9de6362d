import { useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { parseProjectFile, type ProjectProblem } from '../../state/project-file';
import { downloadText } from '../hamlet-list/export-hamlets';
import { restoreProject, serializeCurrentProject } from './project-actions';

type Status = { kind: 'idle' } | { kind: 'saved'; fileName: string } | { kind: 'opened'; fileName: string; savedAt: string } | { kind: 'problems'; fileName: string; problems: ProjectProblem[] };

/** "Lưu dự án" writes one JSON file of layers, settings, indicators, merger table and proposals; "Mở dự án" restores it after checking it. */
export function PanelProject() {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const save = () => {
    const now = new Date();
    const fileName = `du-an-phu-song-${now.toISOString().slice(0, 10)}.json`;
    downloadText(serializeCurrentProject(now.toISOString()), fileName, 'application/json');
    setStatus({ kind: 'saved', fileName });
  };

  const open = async (file: File) => {
    const result = parseProjectFile(await file.text());
    if (!result.ok) return setStatus({ kind: 'problems', fileName: file.name, problems: result.problems });
    if (!window.confirm(t('project.openConfirm'))) return;
    await restoreProject(result.project);
    setStatus({ kind: 'opened', fileName: file.name, savedAt: result.project.savedAt });
  };

  return (
    <section className="project-file" aria-labelledby="project-title">
      <h3 id="project-title">{t('project.title')}</h3>
      <p className="hint">{t('project.hint')}</p>
      <div className="button-row">
        <button type="button" data-testid="project-save" onClick={save}>{t('project.save')}</button>
        <button type="button" data-testid="project-open" onClick={() => inputRef.current?.click()}>{t('project.open')}</button>
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          accept=".json,application/json"
          data-testid="project-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void open(file);
          }}
        />
      </div>
      <div role="status" aria-live="polite" data-testid="project-status" data-state={status.kind}>
        {status.kind === 'saved' && <p>{t('project.saved', { file: status.fileName })}</p>}
        {status.kind === 'opened' && <p>{t('project.opened', { file: status.fileName, savedAt: status.savedAt })}</p>}
        {status.kind === 'problems' && (
          <>
            <p className="error">{t('project.invalid', { file: status.fileName })}</p>
            <ul className="project-problems" data-testid="project-problems" data-file={status.fileName}>
              {status.problems.map((problem, index) => (
                <li key={index} data-code={problem.code}>
                  {t(`project.problem.${problem.code}` as MessageKey, { path: problem.path })}
                  {problem.detail ? ` (${problem.detail})` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
