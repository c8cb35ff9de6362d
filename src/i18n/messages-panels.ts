/** Texts of the app's panels: the group table and its totals, sorting and zooming to a unit. */
export const viPanels = {
  'panels.groups.households': 'Số hộ',
  'panels.groups.sites': 'Trạm',
  'panels.groups.sharedSites': 'Trạm dùng chung',
  'panels.groups.sharedShare': 'Tỷ lệ dùng chung',
  'panels.groups.total': 'Tổng ({units} đơn vị)',
  'panels.groups.hint': 'Bấm tiêu đề cột để sắp xếp, bấm tên đơn vị để phóng bản đồ tới đơn vị đó.',
  'panels.groups.zoomTo': 'Phóng bản đồ tới {unit}',
  'panels.groups.outsideSites': 'Tổng số trạm không gồm {count} trạm đứng ngoài mọi ấp, khóm (xem danh sách ở trên).',
  'panels.groups.caption': 'Chỉ tiêu theo {grouping}',
} as const;

export const enPanels: Record<keyof typeof viPanels, string> = {
  'panels.groups.households': 'Households',
  'panels.groups.sites': 'Sites',
  'panels.groups.sharedSites': 'Shared sites',
  'panels.groups.sharedShare': 'Shared share',
  'panels.groups.total': 'Total ({units} units)',
  'panels.groups.hint': 'Click a column heading to sort; click a unit’s name to zoom the map to it.',
  'panels.groups.zoomTo': 'Zoom the map to {unit}',
  'panels.groups.outsideSites': 'The site total leaves out {count} sites standing outside every hamlet (listed above).',
  'panels.groups.caption': 'KPIs by {grouping}',
};
