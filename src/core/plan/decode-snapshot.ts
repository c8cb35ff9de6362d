import * as v from 'valibot';
import { TECHNOLOGIES, type KpiSet, type TargetResult, type Technology } from '../types';
import { boundedText, decodeWithSchema, finiteNumber, isoDateText, lazySchemas, type DecodeResult } from './decode-problems';
import type { PlanSnapshot, SnapshotGroup, SnapshotHamlet, SnapshotResults, SnapshotSite } from './plan-snapshot';

const MAX_ITEMS = 2_000_000;
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object keyed by data (operator names, unit keys), decoded into a null-prototype object so that no
 * key (`__proto__`, `constructor`) can reach a prototype; each value is checked by `schema`.
 */
function dataRecord<T extends v.GenericSchema>(schema: T, maxEntries = 10_000) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, 'an object'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const entries = Object.entries(dataset.value);
      if (entries.length > maxEntries) {
        addIssue({ expected: `<=${maxEntries} keys`, received: String(entries.length) });
        return NEVER;
      }
      const out: Record<string, v.InferOutput<T>> = Object.create(null);
      let isValid = true;
      for (const [key, value] of entries) {
        const result = v.safeParse(schema, value);
        if (result.success) out[key] = result.output;
        else {
          isValid = false;
          const issue = result.issues[0];
          const inner = issue.path ?? [];
          addIssue({ expected: issue.expected ?? undefined, received: issue.received, path: [{ type: 'object', origin: 'value', input: dataset.value, key, value }, ...inner] });
        }
      }
      return isValid ? out : NEVER;
    }),
  );
}

function buildSnapshotSchemas() {
  const share = v.pipe(finiteNumber(), v.minValue(0), v.maxValue(1));
  const count = v.pipe(v.number(), v.integer(), v.minValue(0));
  const text = v.pipe(v.string(), v.maxLength(500));
  const shareOrNull = v.nullable(share);
  const flags = v.object({ mobile: v.boolean(), '4g': v.boolean(), '5g': v.boolean(), ftth: v.boolean() });
  const fractions = v.object({ mobile: share, '4g': share, '5g': share, ftth: share });
  const operatorFractions = v.object({ mobile: share, '4g': share, '5g': share });

  const hamletSchema = v.object({
    id: boundedText(200),
    name: text,
    commune: text,
    district: text,
    households: v.optional(v.pipe(finiteNumber(), v.minValue(0))),
    fraction: fractions,
    covered: flags,
    operatorFraction: v.optional(dataRecord(operatorFractions, 64)),
    groupKeys: v.optional(dataRecord(text, 64)),
  });

  const siteSchema = v.object({
    id: boundedText(200),
    lng: v.pipe(finiteNumber(), v.minValue(-180), v.maxValue(180)),
    lat: v.pipe(finiteNumber(), v.minValue(-90), v.maxValue(90)),
    operators: v.pipe(v.array(boundedText(100)), v.maxLength(64)),
    technologies: v.pipe(v.array(v.picklist(TECHNOLOGIES)), v.maxLength(TECHNOLOGIES.length)),
    shared: v.boolean(),
    recordSiteIds: v.pipe(v.array(boundedText(200)), v.maxLength(10_000)),
    hamletId: v.optional(v.nullable(boundedText(200))),
  });

  const kpiEntries = {
    hamlets: count,
    coveredMobile: count,
    covered4g: count,
    covered5g: count,
    coveredFtth: count,
    coveredMobileShare: share,
    covered4gShare: share,
    covered5gShare: share,
    coveredFtthShare: share,
    households: v.pipe(finiteNumber(), v.minValue(0)),
    coveredMobileHouseholdShare: shareOrNull,
    covered4gHouseholdShare: shareOrNull,
    covered5gHouseholdShare: shareOrNull,
    ftthHouseholdCeiling: shareOrNull,
    sites: count,
    sharedSites: count,
    sharedSiteShare: share,
  };
  const kpiSchema = v.object(kpiEntries);
  const groupSchema = v.object({
    ...kpiEntries,
    key: text,
    code: v.optional(v.nullable(text)),
    label: v.optional(text),
    parentKey: v.optional(v.nullable(text)),
    parentLabel: v.optional(v.nullable(text)),
  });

  const targetSchema = v.object({
    id: boundedText(80),
    label: text,
    comparator: v.picklist(['>=', '>']),
    target: finiteNumber(),
    unit: v.picklist(['share', 'per100', 'mbps']),
    value: v.nullable(finiteNumber()),
    met: v.nullable(v.boolean()),
    source: text,
  });

  const resultsSchema = v.object({
    demo: v.boolean(),
    coveredThreshold: v.optional(v.object({ mobile: share, ftth: share }), { mobile: 0.5, ftth: 0.1 }),
    kpis: kpiSchema,
    hamlets: v.pipe(v.array(hamletSchema), v.maxLength(MAX_ITEMS)),
    sites: v.pipe(v.array(siteSchema), v.maxLength(MAX_ITEMS)),
    groups: v.optional(dataRecord(v.pipe(v.array(groupSchema), v.maxLength(MAX_ITEMS)), 16), {}),
    targets: v.pipe(v.array(targetSchema), v.maxLength(200)),
  });
  const snapshotSchema = v.object({
    id: v.pipe(v.string(), v.regex(/^[\p{L}\p{N}_.:-]{1,80}$/u)),
    asOf: isoDateText(),
    label: boundedText(200),
    savedAt: v.pipe(v.string(), v.maxLength(40)),
    planId: boundedText(80),
    results: v.unknown(),
  });
  const siteFeatureSchema = v.object({
    properties: v.object({
      id: v.union([boundedText(200), v.pipe(finiteNumber(), v.transform(String))]),
      operators: v.optional(v.pipe(v.string(), v.maxLength(2000)), ''),
      technologies: v.optional(v.pipe(v.string(), v.maxLength(100)), ''),
      shared: v.boolean(),
      record_site_ids: v.optional(v.pipe(v.string(), v.maxLength(200_000)), ''),
      hamlet_id: v.optional(v.nullable(boundedText(200))),
    }),
    geometry: v.object({ type: v.literal('Point'), coordinates: v.pipe(v.array(finiteNumber()), v.minLength(2)) }),
  });
  const sitesCollectionSchema = v.object({ type: v.literal('FeatureCollection'), features: v.pipe(v.array(siteFeatureSchema), v.maxLength(MAX_ITEMS)) });
  return { results: resultsSchema, snapshot: snapshotSchema, sitesCollection: sitesCollectionSchema };
}

const schemas = /* @__PURE__ */ lazySchemas(buildSnapshotSchemas);

type DecodedResults = v.InferOutput<ReturnType<typeof buildSnapshotSchemas>['results']>;

function toHamlet(hamlet: DecodedResults['hamlets'][number]): SnapshotHamlet {
  const result: SnapshotHamlet = { id: hamlet.id, name: hamlet.name, commune: hamlet.commune, district: hamlet.district, fraction: { ...hamlet.fraction }, covered: { ...hamlet.covered }, operatorFraction: hamlet.operatorFraction ?? Object.create(null) };
  if (hamlet.households !== undefined) result.households = hamlet.households;
  if (hamlet.groupKeys !== undefined) result.groupKeys = hamlet.groupKeys;
  return result;
}

function toSite(site: DecodedResults['sites'][number]): SnapshotSite {
  const result: SnapshotSite = { id: site.id, lng: site.lng, lat: site.lat, operators: [...site.operators], technologies: [...site.technologies], shared: site.shared, recordSiteIds: [...site.recordSiteIds] };
  if (site.hamletId !== undefined) result.hamletId = site.hamletId;
  return result;
}

function toResults(decoded: DecodedResults): SnapshotResults {
  const groups: Record<string, SnapshotGroup[]> = Object.create(null);
  for (const [grouping, rows] of Object.entries(decoded.groups)) {
    groups[grouping] = rows.map((row) => ({ ...row, label: row.label ?? row.key }) as SnapshotGroup);
  }
  return {
    demo: decoded.demo,
    coveredThreshold: { ...decoded.coveredThreshold },
    kpis: { ...decoded.kpis } as KpiSet,
    hamlets: decoded.hamlets.map(toHamlet),
    sites: decoded.sites.map(toSite),
    groups,
    targets: decoded.targets.map((target) => ({ ...target }) as TargetResult),
  };
}

/**
 * Decodes a snapshot's results from untrusted JSON (a project file, IndexedDB).
 * @param value parsed JSON
 * @param prefix its JSON path in the file, for the problems
 * @returns the results, or the problems by JSON path
 * @example decodeSnapshotResults(JSON.parse(JSON.stringify(snapshotResultsOf(report)))).ok // true
 */
export function decodeSnapshotResults(value: unknown, prefix = ''): DecodeResult<SnapshotResults> {
  const decoded = decodeWithSchema(schemas().results, value, prefix);
  return decoded.ok ? { ok: true, value: toResults(decoded.value) } : decoded;
}

/**
 * Decodes a dated snapshot (date, label, plan, results) from untrusted JSON.
 * @param value parsed JSON
 * @param prefix its JSON path in the file (`snapshots[1]`)
 * @returns the snapshot, or the problems by JSON path
 * @example decodePlanSnapshot({ id: 's1', asOf: '2024-12-31', label: 'x', savedAt: '', planId: 'p', results: {} }).ok // false: results
 */
export function decodePlanSnapshot(value: unknown, prefix = ''): DecodeResult<PlanSnapshot> {
  const head = decodeWithSchema(schemas().snapshot, value, prefix);
  if (!head.ok) return head;
  const results = decodeSnapshotResults(head.value.results, prefix === '' ? 'results' : `${prefix}.results`);
  if (!results.ok) return results;
  const { id, asOf, label, savedAt, planId } = head.value;
  return { ok: true, value: { id, asOf, label, savedAt, planId, results: results.value } };
}

const splitList = (list: string) => list.split(';').map((item) => item.trim()).filter((item) => item !== '');

/**
 * Reads the results of an `analyze` output folder: its `report.json` (hamlets, KPIs, groups, targets)
 * and `sites.geojson` (the merged sites).
 * @param report the parsed `report.json`
 * @param sites the parsed `sites.geojson`
 * @returns the results, or the problems (paths start with `report.json` or `sites.geojson`)
 * @example decodeAnalyzeOutput(JSON.parse(reportText), JSON.parse(sitesText))
 */
export function decodeAnalyzeOutput(report: unknown, sites: unknown): DecodeResult<SnapshotResults> {
  const collection = decodeWithSchema(schemas().sitesCollection, sites, 'sites.geojson');
  if (!collection.ok) return collection;
  const siteList = collection.value.features.map((feature) => {
    const { properties, geometry } = feature;
    return {
      id: properties.id,
      lng: geometry.coordinates[0],
      lat: geometry.coordinates[1],
      operators: splitList(properties.operators),
      technologies: splitList(properties.technologies).filter((item): item is Technology => (TECHNOLOGIES as readonly string[]).includes(item)),
      shared: properties.shared,
      recordSiteIds: splitList(properties.record_site_ids),
      ...(properties.hamlet_id === undefined ? {} : { hamletId: properties.hamlet_id }),
    };
  });
  const body = isPlainObject(report) ? { ...report, sites: siteList } : report;
  return decodeSnapshotResults(body, 'report.json');
}
