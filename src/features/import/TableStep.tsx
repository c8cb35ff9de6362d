import { useEffect, useId, useRef, useState } from 'react';
import type { TableInspection } from '../../core';
import { findColumn } from '../../core';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { requiredColumnsOf, type MappingKind, type RequiredColumn } from './column-mapping';
import { FieldColumnSelect } from './FieldColumnSelect';

/** A table's header as found (CSV, .xlsx), or a layer's attribute names (Shapefile, GeoPackage, GeoJSON…), which have no header row. */
export type ColumnInspection = TableInspection | { headers: string[]; layout?: undefined; rowCount?: undefined; sheet?: undefined };

export interface TableStepProps {
  fileName: string;
  kind: MappingKind;
  inspection: ColumnInspection;
  /** Reads the table again with this header row. */
  onHeaderRow(row: number): void;
  /** Imports with these columns (field → header as in the table). */
  onApply(columns: Record<string, string>): void;
  onCancel(): void;
}

/**
 * The one column-mapping step. A table as offices make it: which row is the header (found, or picked
 * among the first 30) and which column holds each field the layer needs; a layer's attribute table
 * (Shapefile, GeoPackage, MapInfo, GeoJSON): which attribute holds each field (its positions are its
 * geometry). Found columns are preselected. Keyboard: the step takes the focus; every choice is a native select.
 */
export function TableStep({ fileName, kind, inspection, onHeaderRow, onApply, onCancel }: TableStepProps) {
  const t = useT();
  const locale = useLocale();
  const headerRowId = useId();
  const sectionRef = useRef<HTMLFormElement>(null);
  const { layout, headers } = inspection;
  const required = requiredColumnsOf(kind, layout === undefined ? 'layer' : 'table');
  const found = (aliases: readonly string[]) => findColumn(headers, aliases) ?? '';
  const [columns, setColumns] = useState<Record<string, string>>(() => Object.fromEntries(required.map((column) => [column.field, found(column.aliases)])));
  // A new header row gives new columns: take what is found under it.
  useEffect(() => setColumns(Object.fromEntries(required.map((column) => [column.field, found(column.aliases)]))), [inspection]);
  useEffect(() => sectionRef.current?.focus(), []);
  // An optional field not found (a fibre layer without an operator) is offered after those asked for, marked optional.
  const missing = required.filter((column) => found(column.aliases) === '').sort((a, b) => Number(a.optional === true) - Number(b.optional === true));
  const present = required.filter((column) => found(column.aliases) !== '');
  const fieldSelect = (column: RequiredColumn, className: string) => (
    <FieldColumnSelect key={column.field} className={className} column={column} headers={headers} value={columns[column.field] ?? ''} onChange={(header) => setColumns({ ...columns, [column.field]: header })} />
  );
  const upper = layout?.rows[layout.rows.findIndex((row) => row.rowNumber === layout.headerRow) - 1]?.rowNumber;
  // A merged title reads as its text in every cell it covers: shown once.
  const optionLabel = (cells: readonly string[]) => cells.filter((cell, index) => cell.trim() !== '' && cell !== cells[index - 1]).slice(0, 6).join(' · ');
  return (
    <form
      ref={sectionRef}
      tabIndex={-1}
      className="table-step column-mapping"
      data-testid="column-mapping"
      data-step={layout === undefined ? 'layer' : 'table'}
      data-header-row={layout?.headerRow}
      aria-labelledby={`${headerRowId}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        // Only the fields that differ from what the tool finds by itself are passed on.
        const chosen = Object.fromEntries(Object.entries(columns).filter(([field, header]) => header !== '' && header !== found(required.find((column) => column.field === field)?.aliases ?? [])));
        onApply(chosen);
      }}
    >
      <h3 id={`${headerRowId}-title`}>{t(layout === undefined ? 'import.layer.title' : 'import.table.title', { file: fileName })}</h3>
      {layout === undefined ? (
        <>
          <p data-testid="table-found">{t('import.layer.found')}</p>
          <p className="hint" data-testid="table-headers">{t('import.layer.attributes', { headers: headers.join(' · ') })}</p>
        </>
      ) : (
        <>
          <p data-testid="table-found">
            {layout.knownCount === 0 && !layout.isChosen
              ? t('import.table.notFound')
              : layout.headerRowCount === 2 && upper !== undefined
                ? t('import.table.foundTwo', { upper: formatNumber(upper, locale), row: formatNumber(layout.headerRow, locale) })
                : t('import.table.found', { row: formatNumber(layout.headerRow, locale) })}{' '}
            {t('import.table.rows', { count: formatNumber(inspection.rowCount ?? 0, locale) })}
          </p>
          <label className="field-header-row" htmlFor={headerRowId}>
            <span>{t('import.table.headerRow')}</span>
            <select id={headerRowId} data-testid="table-header-row" value={layout.headerRow} onChange={(event) => onHeaderRow(Number(event.target.value))}>
              {layout.rows.map((row) => (
                <option key={row.rowNumber} value={row.rowNumber}>
                  {t('import.table.rowOption', { row: formatNumber(row.rowNumber, locale), cells: optionLabel(row.cells) })}
                </option>
              ))}
            </select>
          </label>
          <p className="hint" data-testid="table-headers">{t('import.table.columnsFound', { headers: headers.join(' · ') })}</p>
        </>
      )}
      <p>{t(missing.some((column) => !column.optional) ? 'import.mapping' : 'import.table.columns')}</p>
      {missing.map((column) => fieldSelect(column, 'field'))}
      {present.length > 0 && (
        <details>
          <summary>{t('import.table.otherColumns', { count: formatNumber(present.length, locale) })}</summary>
          {present.map((column) => fieldSelect(column, 'field-found'))}
        </details>
      )}
      <div className="button-row">
        <button type="submit" className="primary" data-testid="mapping-apply">{t('import.apply')}</button>
        <button type="button" onClick={onCancel}>{t('import.cancel')}</button>
      </div>
    </form>
  );
}
