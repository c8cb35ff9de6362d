// shpjs ships no types; only the two low-level readers used by read-shapefile-zip.ts are declared.
declare module 'shpjs' {
  /** Geometries of a .shp, in the file's own coordinates when `prj` is false. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): unknown[];
  /** Attribute rows of a .dbf, decoded with the code page named by `cpg` (default UTF-8). */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
