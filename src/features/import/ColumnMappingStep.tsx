import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { RequiredColumn } from './column-mapping';

export interface ColumnMappingStepProps {
  missing: RequiredColumn[];
  headers: string[];
  onApply(mapping: Record<string, string>): void;
  onCancel(): void;
}

/** Asks which file column holds each required field the headers did not reveal. */
export function ColumnMappingStep({ missing, headers, onApply, onCancel }: ColumnMappingStepProps) {
  const t = useT();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  return (
    <form
      className="column-mapping"
      data-testid="column-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(mapping);
      }}
    >
      <p>{t('import.mapping')}</p>
      {missing.map((column) => (
        <label className="field" key={column.field}>
          <span>
            {t(`import.field.${column.field}`)}{' '}
            <small className="hint">({t('import.fieldHint', { names: column.aliases.slice(0, 3).join(', ') })})</small>
          </span>
          <select data-testid={`mapping-${column.field}`} value={mapping[column.field] ?? ''} onChange={(event) => setMapping({ ...mapping, [column.field]: event.target.value })}>
            <option value="">{t('import.mappingNone')}</option>
            {headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </select>
        </label>
      ))}
      <div className="button-row">
        <button type="submit" data-testid="mapping-apply">{t('import.apply')}</button>
        <button type="button" onClick={onCancel}>{t('import.cancel')}</button>
      </div>
    </form>
  );
}
