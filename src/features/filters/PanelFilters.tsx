import { useMemo } from 'react';
import { TECHNOLOGIES, type Technology } from '../../core';
import { useT } from '../../i18n/use-t';
import { useDatasetStore } from '../../state/dataset-store';
import { useUiStore } from '../../state/ui-store';
import { toggleFilterValue } from './toggle-filter-value';

function CheckboxGroup<T extends string>({ legend, all, chosen, onToggle, onAll, testId }: { legend: string; all: readonly T[]; chosen: T[] | null; onToggle(value: T): void; onAll(): void; testId: string }) {
  const t = useT();
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      <label className="field-check">
        <input type="checkbox" checked={chosen === null} onChange={onAll} data-testid={`${testId}-all`} />
        {t('filters.all')}
      </label>
      {all.map((value) => (
        <label className="field-check" key={value}>
          <input type="checkbox" checked={chosen === null || chosen.includes(value)} onChange={() => onToggle(value)} data-testid={`${testId}-${value}`} />
          {value}
        </label>
      ))}
    </fieldset>
  );
}

/** Operator and technology filters: the engine re-runs on the chosen records only. */
export function PanelFilters() {
  const t = useT();
  const records = useDatasetStore((state) => state.btsRecords);
  const operators = useMemo(() => [...new Set(records.map((record) => record.operator))].sort(), [records]);
  const filters = useUiStore((state) => state.filters);
  const setFilters = useUiStore((state) => state.actions.setFilters);
  return (
    <div className="filters">
      <p className="hint">{t('filters.hint')}</p>
      <CheckboxGroup
        legend={t('filters.operators')}
        all={operators}
        chosen={filters.operators}
        testId="filter-operator"
        onToggle={(value) => setFilters({ ...filters, operators: toggleFilterValue(filters.operators, operators, value) })}
        onAll={() => setFilters({ ...filters, operators: filters.operators === null ? [] : null })}
      />
      <CheckboxGroup<Technology>
        legend={t('filters.technologies')}
        all={TECHNOLOGIES}
        chosen={filters.technologies}
        testId="filter-technology"
        onToggle={(value) => setFilters({ ...filters, technologies: toggleFilterValue(filters.technologies, TECHNOLOGIES, value) })}
        onAll={() => setFilters({ ...filters, technologies: filters.technologies === null ? [] : null })}
      />
    </div>
  );
}
