// The report's merged sites as columns, for the way back from the analysis worker: a million sites
// structured-cloned are a serialized copy of about 120 MB in the worker and again in the page before
// the page holds a single site. As columns (typed arrays, transferred) they cross without a copy and
// are rebuilt in the page as objects of one shape, sharing each distinct operator and technology list.
import type { CoverageReport, ReportSite, Technology } from '../core';

/** A list index: the list of values once, and each site's position in it. */
interface ListColumn<T> {
  lists: T[][];
  index: Uint32Array;
}

/** The sites of a report as columns. */
export interface SiteColumns {
  count: number;
  /** Every id, one string, with where each ends. */
  idText: string;
  idEnds: Uint32Array;
  lng: Float64Array;
  lat: Float64Array;
  operators: ListColumn<string>;
  technologies: ListColumn<Technology>;
  /** Sites whose record ids are just their own id have 0; others their count, their ids in `recordText`. */
  recordCounts: Uint32Array;
  recordText: string;
  recordEnds: Uint32Array;
  shared: Uint8Array;
  /** The distinct hamlet ids, and each site's position among them (-1 = outside every hamlet). */
  hamletIds: string[];
  hamlet: Int32Array;
}

/** A report whose sites travel as columns (its `sites` is empty). */
export interface ColumnReport {
  report: CoverageReport;
  sites: SiteColumns;
}

function listColumn<T>(count: number, listOf: (i: number) => T[]): ListColumn<T> {
  const byArray = new Map<T[], number>();
  const byKey = new Map<string, number>();
  const lists: T[][] = [];
  const index = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const list = listOf(i);
    let position = byArray.get(list);
    if (position === undefined) {
      const key = list.join('\u0000');
      position = byKey.get(key);
      if (position === undefined) {
        position = lists.length;
        lists.push(list);
        byKey.set(key, position);
      }
      byArray.set(list, position);
    }
    index[i] = position;
  }
  return { lists, index };
}

/**
 * A report with its sites as columns.
 * @param report the report (not changed)
 * @returns the report without its sites, and the sites as columns
 */
export function encodeSiteColumns(report: CoverageReport): ColumnReport {
  const { sites } = report;
  const count = sites.length;
  const idEnds = new Uint32Array(count);
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  const recordCounts = new Uint32Array(count);
  const shared = new Uint8Array(count);
  const hamlet = new Int32Array(count);
  const ids: string[] = [];
  const recordIds: string[] = [];
  const hamletIds: string[] = [];
  const hamletPositions = new Map<string, number>();
  let idLength = 0;
  for (let i = 0; i < count; i++) {
    const site = sites[i];
    ids.push(site.id);
    idLength += site.id.length;
    idEnds[i] = idLength;
    lng[i] = site.lng;
    lat[i] = site.lat;
    shared[i] = site.shared ? 1 : 0;
    if (site.recordSiteIds.length !== 1 || site.recordSiteIds[0] !== site.id) {
      recordCounts[i] = site.recordSiteIds.length;
      for (const id of site.recordSiteIds) recordIds.push(id);
    }
    if (site.hamletId === null) hamlet[i] = -1;
    else {
      let position = hamletPositions.get(site.hamletId);
      if (position === undefined) {
        position = hamletIds.length;
        hamletIds.push(site.hamletId);
        hamletPositions.set(site.hamletId, position);
      }
      hamlet[i] = position;
    }
  }
  const recordEnds = new Uint32Array(recordIds.length);
  let recordLength = 0;
  recordIds.forEach((id, i) => {
    recordLength += id.length;
    recordEnds[i] = recordLength;
  });
  return {
    report: { ...report, sites: [] },
    sites: {
      count,
      idText: ids.join(''),
      idEnds,
      lng,
      lat,
      operators: listColumn(count, (i) => sites[i].operators),
      technologies: listColumn(count, (i) => sites[i].technologies),
      recordCounts,
      recordText: recordIds.join(''),
      recordEnds,
      shared,
      hamletIds,
      hamlet,
    },
  };
}

/** The buffers of the columns, to transfer them rather than copy them. */
export function siteColumnBuffers(columns: SiteColumns): ArrayBuffer[] {
  const { idEnds, lng, lat, operators, technologies, recordCounts, recordEnds, shared, hamlet } = columns;
  return [idEnds, lng, lat, operators.index, technologies.index, recordCounts, recordEnds, shared, hamlet].map((array) => array.buffer as ArrayBuffer);
}

/**
 * The report with its sites rebuilt from the columns (written by {@link encodeSiteColumns} in this
 * session's worker, so not checked again). Sites with equal operator or technology lists share them.
 */
export function decodeSiteColumns({ report, sites: columns }: ColumnReport): CoverageReport {
  const { count, idText, idEnds, lng, lat, operators, technologies, recordCounts, recordText, recordEnds, shared, hamletIds, hamlet } = columns;
  const sites: ReportSite[] = new Array(count);
  let record = 0;
  for (let i = 0; i < count; i++) {
    const id = idText.slice(i === 0 ? 0 : idEnds[i - 1], idEnds[i]);
    let recordSiteIds: string[];
    if (recordCounts[i] === 0) recordSiteIds = [id];
    else {
      recordSiteIds = new Array(recordCounts[i]);
      for (let k = 0; k < recordCounts[i]; k++, record++) recordSiteIds[k] = recordText.slice(record === 0 ? 0 : recordEnds[record - 1], recordEnds[record]);
    }
    sites[i] = {
      id,
      lng: lng[i],
      lat: lat[i],
      operators: operators.lists[operators.index[i]],
      technologies: technologies.lists[technologies.index[i]],
      recordSiteIds,
      shared: shared[i] === 1,
      hamletId: hamlet[i] < 0 ? null : hamletIds[hamlet[i]],
    };
  }
  return { ...report, sites };
}
