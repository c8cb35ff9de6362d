import type { MessageKey } from '../i18n/dictionary';
import { useT } from '../i18n/use-t';
import { answerUnfinishedRestore, useRestoreStore } from '../state/restore-guard';

/**
 * What the load has to tell or ask about the data kept in this browser: a restore that never finished
 * last time (open without those layers, or try again), and stored parts that could not be read.
 */
export function RestoreNotice() {
  const t = useT();
  const unfinished = useRestoreStore((state) => state.unfinished);
  const unreadable = useRestoreStore((state) => state.unreadable);
  const dismiss = useRestoreStore((state) => state.actions.dismissUnreadable);
  const partName = (part: string) => t(`restore.part.${part}` as MessageKey);
  if (unfinished !== null) {
    return (
      <div className="restore-notice" role="alertdialog" aria-labelledby="restore-title" data-testid="restore-unfinished" data-layers={unfinished.join(' ')}>
        <p id="restore-title"><strong>{t('restore.unfinishedTitle')}</strong></p>
        <p>{t('restore.unfinished', { layers: unfinished.map(partName).join(', ') })}</p>
        <div className="button-row">
          <button type="button" data-testid="restore-without" autoFocus onClick={() => answerUnfinishedRestore('without')}>{t('restore.without')}</button>
          <button type="button" data-testid="restore-retry" onClick={() => answerUnfinishedRestore('retry')}>{t('restore.retry')}</button>
        </div>
      </div>
    );
  }
  if (unreadable.length === 0) return null;
  return (
    <div className="restore-notice" role="status" data-testid="restore-unreadable" data-parts={unreadable.map((part) => part.part).join(' ')}>
      <p>{t('restore.unreadable', { parts: unreadable.map((part) => partName(part.part)).join(', ') })}</p>
      <button type="button" onClick={dismiss}>{t('restore.dismiss')}</button>
    </div>
  );
}
