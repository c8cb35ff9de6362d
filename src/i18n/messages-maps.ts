/** Texts of the printed maps and atlases (cartography and print). */
export const viMaps = {
  'print.keyLegend': 'Số của ấp, khóm chưa phủ ({count}), như trong danh sách',
} as const;

export const enMaps: Record<keyof typeof viMaps, string> = {
  'print.keyLegend': 'Number of an uncovered hamlet ({count}), as in the list',
};
