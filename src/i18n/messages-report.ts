/**
 * Texts of the report's presentation: coverage classes with their rules, groups keyed by code,
 * the shared-site KPI under an operator filter, sites outside every hamlet.
 */
export const viReport = {
  'classes.covered': 'Được phủ (≥ {threshold} diện tích)',
  'classes.partial': 'Phủ một phần (> {zero} và < {threshold})',
  'classes.none': 'Chưa phủ ({zero})',
  'classes.title': 'Xếp loại',
  'classes.ruleFtth': 'Cáp quang FTTH: được phủ khi ≥ {threshold} diện tích',
  'kpi.sharedSitesOfOperators': 'Trạm của {operators} dùng chung với nhà mạng khác',
  'kpi.sharedSitesOfOperatorsHint': 'Tỷ lệ trạm của {operators} có nhà mạng khác cùng dùng (dùng chung được xét trên trạm của mọi nhà mạng).',
  'kpi.sitesOfOperators': 'Trạm BTS của {operators} (đã gộp)',
  'groups.code': 'Mã',
  'groups.codesMissing': 'Một số đơn vị không có mã trong lớp ấp: chúng được nhận theo tên trong huyện của mình.',
  'outside.title': 'Trạm nằm ngoài mọi ấp, khóm',
  'outside.summary': '{count} trạm nằm ngoài mọi ấp, khóm (ngoài vùng quy hoạch hoặc ở khoảng trống giữa các ấp): vẫn được tính vào tổng số trạm và phủ sóng cho ấp lân cận, nhưng không thuộc đơn vị nào.',
  'outside.fromFile': '{count} trạm của tệp này nằm ngoài mọi ấp, khóm: {list}',
  'outside.more': 'và {count} trạm khác',
  'outside.zoom': 'Xem trạm {site} trên bản đồ',
} as const;

export const enReport: Record<keyof typeof viReport, string> = {
  'classes.covered': 'Covered (≥ {threshold} of area)',
  'classes.partial': 'Partly covered (> {zero} and < {threshold})',
  'classes.none': 'Not covered ({zero})',
  'classes.title': 'Class',
  'classes.ruleFtth': 'FTTH: covered at ≥ {threshold} of area',
  'kpi.sharedSitesOfOperators': 'Sites of {operators} that another operator also uses',
  'kpi.sharedSitesOfOperatorsHint': 'Share of the sites of {operators} that another operator also uses (co-location is found on every operator’s sites).',
  'kpi.sitesOfOperators': 'BTS sites of {operators} (merged)',
  'groups.code': 'Code',
  'groups.codesMissing': 'Some units have no code in the hamlet layer: they are told apart by name within their district.',
  'outside.title': 'Sites outside every hamlet',
  'outside.summary': '{count} sites stand outside every hamlet (outside the planning area or in a gap between hamlets): they count in the site total and cover nearby hamlets, but belong to no unit.',
  'outside.fromFile': '{count} sites of this file stand outside every hamlet: {list}',
  'outside.more': 'and {count} more',
  'outside.zoom': 'Show site {site} on the map',
};
