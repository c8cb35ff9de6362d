import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { allowedBasemapOrigin, rememberBasemapOrigin, tileOrigin } from '../../state/connection-policy';
import { saveSettings } from '../../state/persistence';
import { selectSettings, useSettingsStore } from '../../state/settings-store';
import { isTileUrl } from '../../state/stored-state-schema';

const RADIUS_KEYS = ['2G', '3G', '4G', '5G', 'ftth'] as const;

/** A number input that only reports finite values within [min, max]. */
function FieldNumber({ label, value, min, max, step, testId, onChange }: { label: string; value: number; min: number; max: number; step: number; testId: string; onChange(value: number): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={draft ?? String(value)}
        data-testid={testId}
        onChange={(event) => {
          setDraft(event.target.value);
          const number = event.target.valueAsNumber;
          if (Number.isFinite(number) && number >= min && number <= max) onChange(number);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}

/** Radii, thresholds and co-location distance (the analysis re-runs after a short pause), and the basemap. */
export function PanelSettings() {
  const t = useT();
  const settings = useSettingsStore();
  const { actions } = settings;
  return (
    <div className="settings">
      <fieldset>
        <legend>{t('settings.radii')}</legend>
        <div className="filter-grid">
          {RADIUS_KEYS.map((key) => (
            <FieldNumber key={key} label={key === 'ftth' ? 'FTTH' : key} value={settings.radiiMeters[key]} min={10} max={50_000} step={50} testId={`setting-radius-${key}`} onChange={(value) => actions.setRadius(key, value)} />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.thresholds')}</legend>
        <div className="filter-grid">
          <FieldNumber label={t('settings.thresholdMobile')} value={settings.coveredThreshold.mobile} min={0.01} max={1} step={0.05} testId="setting-threshold-mobile" onChange={(value) => actions.setThreshold('mobile', value)} />
          <FieldNumber label={t('settings.thresholdFtth')} value={settings.coveredThreshold.ftth} min={0.01} max={1} step={0.05} testId="setting-threshold-ftth" onChange={(value) => actions.setThreshold('ftth', value)} />
        </div>
      </fieldset>
      <FieldNumber label={t('settings.colocation')} value={settings.colocationMeters} min={0} max={1000} step={5} testId="setting-colocation" onChange={(value) => actions.setColocation(value)} />
      <FieldBasemap />
    </div>
  );
}

/**
 * The opt-in online basemap. The page may connect only to hosts allowed when it loaded (its Content
 * Security Policy), so switching it on for a new host asks first, then reloads; the address can be
 * changed only while it is off, and only to a usable tile address.
 */
function FieldBasemap() {
  const t = useT();
  const basemap = useSettingsStore((state) => state.basemap);
  const setBasemap = useSettingsStore((state) => state.actions.setBasemap);
  const [draft, setDraft] = useState<string | null>(null);
  const switchOn = async () => {
    const origin = tileOrigin(basemap.url);
    if (origin === null) return;
    if (origin === allowedBasemapOrigin()) return setBasemap({ isEnabled: true });
    if (!window.confirm(t('settings.basemapConfirm', { host: origin }))) return;
    setBasemap({ isEnabled: true });
    await saveSettings(selectSettings(useSettingsStore.getState()));
    rememberBasemapOrigin(origin);
    window.location.reload();
  };
  const switchOff = () => {
    setBasemap({ isEnabled: false });
    rememberBasemapOrigin(null);
  };
  const url = draft ?? basemap.url;
  return (
    <fieldset>
      <legend>{t('settings.basemap')}</legend>
      <label className="field-check">
        <input type="checkbox" checked={basemap.isEnabled} data-testid="setting-basemap" onChange={(event) => (event.target.checked ? void switchOn() : switchOff())} />
        {t('settings.basemap')}
      </label>
      <label className="field">
        <span>{t('settings.basemapUrl')}</span>
        <input
          type="url"
          value={url}
          disabled={basemap.isEnabled}
          data-testid="setting-basemap-url"
          aria-invalid={!isTileUrl(url)}
          onChange={(event) => {
            setDraft(event.target.value);
            if (isTileUrl(event.target.value)) setBasemap({ url: event.target.value });
          }}
          onBlur={() => setDraft(null)}
        />
      </label>
      {basemap.isEnabled && <p className="hint">{t('settings.basemapLocked')}</p>}
      {!isTileUrl(url) && <p className="error" role="alert">{t('settings.basemapBadUrl')}</p>}
      <p className="hint">{t('settings.basemapNote')}</p>
    </fieldset>
  );
}
