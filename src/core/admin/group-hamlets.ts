import { listOf, message, type MessageCode } from '../messages';
import type { GroupUnit, Hamlet, Warning } from '../types';
import { PropertyReader } from './read-property';

/** Key of the hamlets that have no value for a grouping (no name, no code). */
export const UNASSIGNED_GROUP_KEY = '—';

/** Hamlets grouped by one field: each hamlet's unit key and the units in display order. */
export interface HamletGrouping {
  field: string;
  /** Unit key of each hamlet, in the hamlets' order. */
  keys: string[];
  /** The units, sorted by label, then parent, then key (Vietnamese collation, numbers in numeric order). */
  units: GroupUnit[];
  warnings: Warning[];
}

interface AdminGrouping {
  /** Hamlet properties that hold the unit's code, most specific first (compared as column names). */
  codeFields: readonly string[];
  /** Properties that hold the unit's name; absent = the hamlet's own field of the same name. */
  nameFields?: readonly string[];
  parent: 'district' | null;
  /** How the unit is called in warnings (a message code: the edge names it in the user's language). */
  noun: MessageCode;
  /** What a missing code means for these units (a message code). */
  keyedByName: MessageCode;
}

/**
 * The administrative groupings the engine knows: their code columns (the GSO codes the hamlet layer or the
 * merger table carries), their names and their parents. Any other field groups by its plain value.
 */
export const ADMIN_GROUPINGS: Readonly<Record<'district' | 'commune' | 'new_commune', AdminGrouping>> = Object.freeze({
  district: { codeFields: ['district_code', 'ma_huyen', 'ma_quan_huyen'], parent: null, noun: 'unit-district', keyedByName: 'keyed-by-name-district' },
  commune: { codeFields: ['commune_code', 'ma_xa', 'ma_phuong_xa'], parent: 'district', noun: 'unit-commune', keyedByName: 'keyed-by-name-commune' },
  new_commune: { codeFields: ['new_code', 'ma_xa_moi', 'new_commune_code'], nameFields: ['new_name', 'ten_xa_moi', 'new_commune'], parent: null, noun: 'unit-new-commune', keyedByName: 'keyed-by-name-new-commune' },
});

const COLLATOR = new Intl.Collator('vi', { numeric: true });

function isAdminGrouping(field: string): field is keyof typeof ADMIN_GROUPINGS {
  return field === 'district' || field === 'commune' || field === 'new_commune';
}

/** Counts names per unit so a unit's label is the name most of its hamlets give (ties: the first seen). */
class NameTally {
  private readonly counts = new Map<string, Map<string, number>>();

  add(key: string, name: string): void {
    let names = this.counts.get(key);
    if (!names) {
      names = new Map();
      this.counts.set(key, names);
    }
    names.set(name, (names.get(name) ?? 0) + 1);
  }

  winner(key: string): string {
    let best = '';
    let bestCount = 0;
    for (const [name, count] of this.counts.get(key) ?? []) {
      if (count > bestCount) {
        best = name;
        bestCount = count;
      }
    }
    return best;
  }

  /** Units whose hamlets give more than one name, with those names. */
  conflicts(): [string, string[]][] {
    return [...this.counts].filter(([, names]) => names.size > 1).map(([key, names]) => [key, [...names.keys()]]);
  }
}

interface UnitRead {
  key: string;
  code: string | null;
  name: string;
}

/**
 * Keys of units named under a parent (`941 / Phường 1`), made once per unit: a key built per hamlet
 * would be a new string that every map lookup first has to flatten and hash.
 */
class ParentedKeys {
  private readonly byParent = new Map<string, Map<string, string>>();

  keyOf(parentKey: string, name: string): string {
    let byName = this.byParent.get(parentKey);
    if (!byName) this.byParent.set(parentKey, (byName = new Map()));
    let key = byName.get(name);
    if (key === undefined) byName.set(name, (key = `${parentKey} / ${name}`));
    return key;
  }
}

function readAdminUnit(hamlet: Hamlet, rule: AdminGrouping, field: 'district' | 'commune' | 'new_commune', reader: PropertyReader, parentKey: string | null, parentedKeys: ParentedKeys): UnitRead {
  const code = reader.read(hamlet.properties, rule.codeFields);
  const name = rule.nameFields ? reader.read(hamlet.properties, rule.nameFields) : (field === 'new_commune' ? '' : hamlet[field]).trim();
  if (code !== '') return { key: code, code, name: name || code };
  if (name === '') return { key: UNASSIGNED_GROUP_KEY, code: null, name: UNASSIGNED_GROUP_KEY };
  // Without a code, names repeat across parents ("Phường 1" in three towns): the parent keeps them apart.
  const key = parentKey !== null && parentKey !== UNASSIGNED_GROUP_KEY ? parentedKeys.keyOf(parentKey, name) : name;
  return { key, code: null, name };
}

function plainValue(hamlet: Hamlet, field: string, reader: PropertyReader): string {
  if (field === 'name' || field === 'id') return hamlet[field].trim();
  return reader.readExact(hamlet.properties, field);
}

function sortUnits(units: GroupUnit[]): GroupUnit[] {
  return units.sort((a, b) => COLLATOR.compare(a.label, b.label) || COLLATOR.compare(a.parentLabel ?? '', b.parentLabel ?? '') || COLLATOR.compare(a.key, b.key));
}

/**
 * Groups hamlets into units by a field. For `district`, `commune` and `new_commune` a unit is keyed by
 * its code where the hamlet layer has one (`district_code` / `ma_huyen`, `commune_code` / `ma_xa`, the
 * merger table's `new_code` / `ma_xa_moi`), labelled by its name, and a commune carries its district
 * as parent. A hamlet without a code is keyed by its name, under its parent's key (`941 / Phường 1`),
 * so same-named communes of different districts never merge; a warning (`group-codes-missing`) says how
 * many hamlets lack a code. Any other field groups by the hamlet property's value (own properties only,
 * so `__proto__` or `toString` are plain names). Hamlets with no value go to `—`.
 * @param hamlets the hamlets
 * @param field `district`, `commune`, `new_commune` or a hamlet property
 * @returns each hamlet's unit key and the units
 * @example groupHamlets(hamlets, 'commune').units.map((unit) => `${unit.label} — ${unit.parentLabel}`)
 */
export function groupHamlets(hamlets: Hamlet[], field: string): HamletGrouping {
  const reader = new PropertyReader();
  const keys: string[] = new Array(hamlets.length);
  const names = new NameTally();
  const units = new Map<string, { code: string | null; parents: NameTally; parentKeys: NameTally }>();
  const warnings: Warning[] = [];
  if (!isAdminGrouping(field)) {
    hamlets.forEach((hamlet, h) => {
      const key = plainValue(hamlet, field, reader) || UNASSIGNED_GROUP_KEY;
      keys[h] = key;
      if (!units.has(key)) units.set(key, { code: null, parents: new NameTally(), parentKeys: new NameTally() });
    });
    const plain = [...units.keys()].map((key): GroupUnit => ({ key, code: null, label: key, parentKey: null, parentLabel: null }));
    return { field, keys, units: sortUnits(plain), warnings };
  }
  const rule = ADMIN_GROUPINGS[field];
  const parentRule = rule.parent === null ? null : ADMIN_GROUPINGS[rule.parent];
  let uncoded = 0;
  const parentedKeys = new ParentedKeys();
  hamlets.forEach((hamlet, h) => {
    const parent = parentRule && rule.parent ? readAdminUnit(hamlet, parentRule, rule.parent, reader, null, parentedKeys) : null;
    const unit = readAdminUnit(hamlet, rule, field, reader, parent?.key ?? null, parentedKeys);
    keys[h] = unit.key;
    if (unit.code === null && unit.key !== UNASSIGNED_GROUP_KEY) uncoded++;
    let entry = units.get(unit.key);
    if (!entry) {
      entry = { code: unit.code, parents: new NameTally(), parentKeys: new NameTally() };
      units.set(unit.key, entry);
    }
    names.add(unit.key, unit.name);
    if (parent && parent.key !== UNASSIGNED_GROUP_KEY) {
      entry.parents.add('', parent.name);
      entry.parentKeys.add('', parent.key);
    }
  });
  if (uncoded > 0) {
    warnings.push(message('group-codes-missing', { count: uncoded, total: hamlets.length, unit: message(rule.noun), fields: listOf(rule.codeFields, { quoted: false }), keyedBy: message(rule.keyedByName) }));
  }
  const conflicts = names.conflicts().filter(([key]) => units.get(key)?.code !== null);
  if (conflicts.length > 0) {
    const [key, list] = conflicts[0];
    warnings.push(message('group-code-names-differ', { count: conflicts.length, unit: message(rule.noun), code: key, names: listOf(list, { quoted: true }) }));
  }
  const list = [...units].map(([key, entry]): GroupUnit => {
    const parentKey = entry.parentKeys.winner('');
    return { key, code: entry.code, label: names.winner(key), parentKey: parentKey === '' ? null : parentKey, parentLabel: parentKey === '' ? null : entry.parents.winner('') };
  });
  return { field, keys, units: sortUnits(list), warnings };
}

/**
 * A unit's name for display, with its parent's when it has one: "Phường 1 — Thị xã Vĩnh Châu".
 * @param unit a unit (or a group row) of the report
 * @returns the display name
 * @example formatUnitLabel({ label: 'Phường 1', parentLabel: 'Thị xã Vĩnh Châu' }) // 'Phường 1 — Thị xã Vĩnh Châu'
 */
export function formatUnitLabel(unit: Pick<GroupUnit, 'label' | 'parentLabel'>): string {
  return unit.parentLabel ? `${unit.label} — ${unit.parentLabel}` : unit.label;
}
