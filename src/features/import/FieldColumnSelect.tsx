import { useT } from '../../i18n/use-t';
import type { RequiredColumn } from './column-mapping';

export interface FieldColumnSelectProps {
  column: RequiredColumn;
  headers: readonly string[];
  /** The header chosen for the field, `''` for none. */
  value: string;
  onChange(header: string): void;
  className?: string;
}

/** Which of the file's columns holds one field: the field's name, the usual column names, and a select of the headers. */
export function FieldColumnSelect({ column, headers, value, onChange, className = 'field' }: FieldColumnSelectProps) {
  const t = useT();
  return (
    <label className={className}>
      <span>
        {t(`import.field.${column.field}`)}{column.optional ? ` ${t('import.fieldOptional')}` : ''}{' '}
        <small className="hint">({t('import.fieldHint', { names: column.aliases.slice(0, 3).join(', ') })})</small>
      </span>
      <select data-testid={`mapping-${column.field}`} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t(column.optional ? 'import.mappingNoneOptional' : 'import.mappingNone')}</option>
        {headers.map((header) => (
          <option key={header} value={header}>
            {header}
          </option>
        ))}
      </select>
    </label>
  );
}
