import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useReferenceStore } from '../../state/reference-store';

/** The reference layers imported: each with the attribute its labels come from, and a button to remove it. */
export function PanelReferenceLayers() {
  const t = useT();
  const locale = useLocale();
  const layers = useReferenceStore((state) => state.layers);
  const { setLabelAttribute, remove } = useReferenceStore((state) => state.actions);
  if (layers.length === 0) return null;
  return (
    <section className="reference-layers" data-testid="reference-layers">
      <h3>{t('reference.title')}</h3>
      <ul>
        {layers.map((layer) => (
          <li key={layer.id} data-testid="reference-layer" data-id={layer.id}>
            <span>{t('reference.summary', { file: layer.fileName, count: formatNumber(layer.features.length, locale) })}</span>
            <label className="field">
              <span>{t('reference.label')}</span>
              <select data-testid="reference-label" value={layer.labelAttribute ?? ''} onChange={(event) => setLabelAttribute(layer.id, event.target.value === '' ? null : event.target.value)}>
                <option value="">{t('reference.noLabel')}</option>
                {layer.attributes.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" data-testid="reference-remove" onClick={() => remove(layer.id)}>
              {t('reference.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
