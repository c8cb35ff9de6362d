import { useState } from 'react';
import { useT } from '../../i18n/use-t';

/**
 * Longitude and latitude inputs with a button: the keyboard's way to move or add a site (the map's
 * drag and click need a pointer).
 */
export function FieldCoordinates({ lng, lat, label, testId, onSubmit }: { lng: number; lat: number; label: string; testId: string; onSubmit(lng: number, lat: number): void }) {
  const t = useT();
  const [draft, setDraft] = useState({ lng: lng.toFixed(6), lat: lat.toFixed(6) });
  const parsed = { lng: Number(draft.lng.replace(',', '.')), lat: Number(draft.lat.replace(',', '.')) };
  const isValid = Number.isFinite(parsed.lng) && Number.isFinite(parsed.lat) && Math.abs(parsed.lng) <= 180 && Math.abs(parsed.lat) <= 90;
  return (
    <form
      className="coordinate-form"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        if (isValid) onSubmit(parsed.lng, parsed.lat);
      }}
    >
      <label className="field">
        <span>{t('proposals.lng')}</span>
        <input inputMode="decimal" value={draft.lng} data-testid={`${testId}-lng`} onChange={(event) => setDraft({ ...draft, lng: event.target.value })} />
      </label>
      <label className="field">
        <span>{t('proposals.lat')}</span>
        <input inputMode="decimal" value={draft.lat} data-testid={`${testId}-lat`} onChange={(event) => setDraft({ ...draft, lat: event.target.value })} />
      </label>
      <button type="submit" disabled={!isValid} data-testid={`${testId}-submit`}>
        {label}
      </button>
    </form>
  );
}
