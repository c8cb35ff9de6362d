// The sites and the proposals as flat tables for GIS and spreadsheet exports, beside the hamlets'
// (`hamlet-export-table.ts`): short field names every format keeps, the site import's own column
// names where there is one (`nha_mang`, `cong_nghe`, `ban_kinh_m`, `kinh_do`, `vi_do`), so a file
// exported loads back as a site list; Vietnamese or English headers; yes/no as "Có"/"Không". Pure.
import type { BtsRecord, ReportSite } from '../core/types';
import type { ExportColumn, ExportRow } from './hamlet-export-table';

/** A proposal as exported: its name already in the user's language. */
export interface ProposalExportItem {
  id: string;
  name: string;
  rank: number;
  kind: 'upgrade' | 'new';
  hostSiteId?: string;
  operator: string;
  technology: string;
  radiusMeters: number;
  lng: number;
  lat: number;
  householdsGained: number;
  newlyCoveredCount: number;
  commune: string;
}

/** The sites as analysed: each record, and the merged sites (shared or not, their hamlet). */
export interface SiteExportInput {
  records: readonly BtsRecord[];
  sites: readonly ReportSite[];
}

/** The columns of the site export (one row per site record, as imported), in order. */
export const SITE_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { field: 'ma_tram', vi: 'Mã trạm', en: 'Site code', kind: 'text' },
  { field: 'nha_mang', vi: 'Nhà mạng', en: 'Operator', kind: 'text' },
  { field: 'cong_nghe', vi: 'Công nghệ', en: 'Technologies', kind: 'text' },
  { field: 'ban_kinh_m', vi: 'Bán kính phủ (m)', en: 'Radius (m)', kind: 'number' },
  { field: 'dung_chung', vi: 'Trạm dùng chung', en: 'Shared site', kind: 'yes-no' },
  { field: 'ma_ap', vi: 'Mã ấp đặt trạm', en: 'Hamlet code', kind: 'text' },
  { field: 'kinh_do', vi: 'Kinh độ', en: 'Longitude', kind: 'number' },
  { field: 'vi_do', vi: 'Vĩ độ', en: 'Latitude', kind: 'number' },
];

/** The columns of the proposal export, in order. */
export const PROPOSAL_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { field: 'ma_tram', vi: 'Mã đề xuất', en: 'Proposal code', kind: 'text' },
  { field: 'ten', vi: 'Tên đề xuất', en: 'Name', kind: 'text' },
  { field: 'thu_tu', vi: 'Thứ tự ưu tiên', en: 'Rank', kind: 'number' },
  { field: 'loai', vi: 'Loại', en: 'Kind', kind: 'text' },
  { field: 'tram_chu', vi: 'Trạm được nâng cấp', en: 'Site upgraded', kind: 'text' },
  { field: 'nha_mang', vi: 'Nhà mạng', en: 'Operator', kind: 'text' },
  { field: 'cong_nghe', vi: 'Công nghệ', en: 'Technology', kind: 'text' },
  { field: 'ban_kinh_m', vi: 'Bán kính phủ (m)', en: 'Radius (m)', kind: 'number' },
  { field: 'ho_them', vi: 'Số hộ được phủ thêm', en: 'Households gained', kind: 'number' },
  { field: 'ap_them', vi: 'Số ấp, khóm được phủ thêm', en: 'Hamlets newly covered', kind: 'number' },
  { field: 'xa', vi: 'Xã, phường', en: 'Commune', kind: 'text' },
  { field: 'kinh_do', vi: 'Kinh độ', en: 'Longitude', kind: 'number' },
  { field: 'vi_do', vi: 'Vĩ độ', en: 'Latitude', kind: 'number' },
];

const KIND_WORDS = { vi: { upgrade: 'Nâng cấp trạm có sẵn', new: 'Trạm mới' }, en: { upgrade: 'Upgrade of an existing site', new: 'New tower' } } as const;

/**
 * The site records as rows of {@link SITE_EXPORT_COLUMNS}: technologies joined by `;` (as the import
 * reads them), whether the merged site the record belongs to is shared, and the hamlet it stands in.
 * @param input the records and the report's merged sites
 * @returns one row per record, in the records' order
 * @example buildSiteExportRows({ records, sites: report.sites })[0][1] // 'Viettel'
 */
export function buildSiteExportRows(input: SiteExportInput): ExportRow[] {
  // A record's site code is not unique across operators: of the merged sites listing it, the one with its operator.
  const sitesOf = new Map<string, ReportSite[]>();
  for (const site of input.sites) for (const code of new Set(site.recordSiteIds)) sitesOf.set(code, [...(sitesOf.get(code) ?? []), site]);
  return input.records.map((record) => {
    const candidates = sitesOf.get(record.siteId) ?? [];
    const site = candidates.find((candidate) => candidate.operators.includes(record.operator)) ?? candidates[0];
    return [record.siteId, record.operator, record.technologies.join(';'), record.radiusMeters ?? null, site?.shared ?? false, site?.hamletId ?? null, round(record.lng, 7), round(record.lat, 7)];
  });
}

/**
 * The proposals as rows of {@link PROPOSAL_EXPORT_COLUMNS}, the kind in words of the language.
 * @param proposals the proposals, names already in the language
 * @param language the words' language
 * @returns one row per proposal, in the given order
 * @example buildProposalExportRows(items, 'vi')[0][3] // 'Trạm mới'
 */
export function buildProposalExportRows(proposals: readonly ProposalExportItem[], language: 'vi' | 'en'): ExportRow[] {
  return proposals.map((proposal) => [
    proposal.id, proposal.name, proposal.rank, KIND_WORDS[language][proposal.kind], proposal.hostSiteId ?? null, proposal.operator, proposal.technology, proposal.radiusMeters,
    proposal.householdsGained, proposal.newlyCoveredCount, proposal.commune, round(proposal.lng, 7), round(proposal.lat, 7),
  ]);
}

/**
 * Point rows as a GeoJSON FeatureCollection with flat properties (yes/no as "Có"/"Không"), for GDAL.
 * @param columns the columns, whose last two are longitude and latitude
 * @param rows the rows
 * @returns the collection of points
 */
export function buildPointExportCollection(columns: readonly ExportColumn[], rows: readonly ExportRow[]) {
  const lngAt = columns.findIndex((column) => column.field === 'kinh_do');
  const latAt = columns.findIndex((column) => column.field === 'vi_do');
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((row) => {
      const properties = new Map<string, string | number | null>();
      columns.forEach((column, at) => {
        const value = row[at];
        properties.set(column.field, typeof value === 'boolean' ? (value ? 'Có' : 'Không') : value);
      });
      return { type: 'Feature' as const, properties: Object.fromEntries(properties), geometry: { type: 'Point' as const, coordinates: [row[lngAt] as number, row[latAt] as number] } };
    }),
  };
}

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));
