// Texts of the GIS formats read through GDAL (MapInfo, DGN, GeoPackage, FileGDB, DXF, FlatGeobuf).
export const viFormats = {
  'import.code.drawing-ids-generated': 'Mã ấp được tự tạo (bản vẽ không có nhãn mã trong ranh)',
  'formats.loadingGdal': 'Đang tải bộ đọc tệp GIS (MapInfo, DGN, GeoPackage…) {percent}',
  'formats.gdalFailed': 'Không tải được bộ đọc tệp GIS: {message}',
} as const;

export const enFormats: Record<keyof typeof viFormats, string> = {
  'import.code.drawing-ids-generated': 'Hamlet ids generated (no code label inside the outline in the drawing)',
  'formats.loadingGdal': 'Loading the GIS file reader (MapInfo, DGN, GeoPackage…) {percent}',
  'formats.gdalFailed': 'The GIS file reader could not be loaded: {message}',
};
