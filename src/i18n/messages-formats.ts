// Texts of the GIS formats read through GDAL (MapInfo, DGN, GeoPackage, FileGDB, DXF, FlatGeobuf).
export const viFormats = {
  'import.code.drawing-ids-generated': 'Mã ấp được tự tạo (bản vẽ không có nhãn mã trong ranh)',
  'formats.loadingGdal': 'Đang tải bộ đọc tệp GIS (MapInfo, DGN, GeoPackage…) {percent}',
  'msg.gis-reader-unavailable': 'không tải được bộ đọc tệp bản đồ (MapInfo, GeoPackage…) nên chưa mở được tệp; tệp không có lỗi gì. Hãy tải lại trang rồi chọn lại tệp',
} as const;

export const enFormats: Record<keyof typeof viFormats, string> = {
  'import.code.drawing-ids-generated': 'Hamlet ids generated (no code label inside the outline in the drawing)',
  'formats.loadingGdal': 'Loading the GIS file reader (MapInfo, DGN, GeoPackage…) {percent}',
  'msg.gis-reader-unavailable': 'the map file reader (MapInfo, GeoPackage…) could not be loaded, so the file was not opened; nothing is wrong with the file. Reload the page and pick the file again',
};
