import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { RequiredColumn } from './column-mapping';
import { FieldColumnSelect } from './FieldColumnSelect';

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
        <FieldColumnSelect key={column.field} column={column} headers={headers} value={mapping[column.field] ?? ''} onChange={(header) => setMapping({ ...mapping, [column.field]: header })} />
      ))}
      <div className="button-row">
        <button type="submit" data-testid="mapping-apply">{t('import.apply')}</button>
        <button type="button" onClick={onCancel}>{t('import.cancel')}</button>
      </div>
    </form>
  );
}
