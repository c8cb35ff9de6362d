/**
 * A uniform grid over bounding boxes (degrees): each grid cell lists the boxes that overlap it, in
 * two flat arrays. A point query is one cell lookup and no allocation, which matters when a million
 * field tests each ask "which hamlet, which shapes?" (a tree search allocates its result list).
 */
export interface GridIndex {
  /** The boxes overlapping the cell of a point: `items[start[cell] … start[cell + 1])`, or cell -1 outside the grid. */
  cellOf(lng: number, lat: number): number;
  start: Int32Array;
  items: Int32Array;
}

/**
 * Builds a grid index over `count` boxes. The grid spans the boxes' extent with square cells of
 * about `cellDegrees`, coarser when that would exceed `maxCells` cells.
 * @param count number of boxes
 * @param boxOf writes box i as west, south, east, north (degrees) into `out`
 * @param cellDegrees the wished cell side, degrees
 * @param maxCells most cells allowed
 * @returns the index (boxes with NaN corners are left out)
 * @throws never
 * @example const grid = buildGridIndex(1, (i, out) => out.set([105, 9, 106, 10]), 0.1); grid.cellOf(105.5, 9.5) >= 0 // true
 */
export function buildGridIndex(count: number, boxOf: (i: number, out: Float64Array) => void, cellDegrees: number, maxCells = 1 << 22): GridIndex {
  const boxes = new Float64Array(4 * count);
  const box = new Float64Array(4);
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < count; i++) {
    boxOf(i, box);
    boxes.set(box, 4 * i);
    if (box[0] < west) west = box[0];
    if (box[1] < south) south = box[1];
    if (box[2] > east) east = box[2];
    if (box[3] > north) north = box[3];
  }
  if (!(east >= west) || !(north >= south)) return { cellOf: () => -1, start: new Int32Array(1), items: new Int32Array(0) };
  let size = Math.max(cellDegrees, 1e-9);
  let columns = Math.floor((east - west) / size) + 1;
  let rows = Math.floor((north - south) / size) + 1;
  while (columns * rows > maxCells) {
    size *= 2;
    columns = Math.floor((east - west) / size) + 1;
    rows = Math.floor((north - south) / size) + 1;
  }
  const column = (lng: number) => Math.min(columns - 1, Math.max(0, Math.floor((lng - west) / size)));
  const row = (lat: number) => Math.min(rows - 1, Math.max(0, Math.floor((lat - south) / size)));
  const start = new Int32Array(columns * rows + 1);
  const visit = (i: number, each: (cell: number) => void): void => {
    const at = 4 * i;
    if (!(boxes[at + 2] >= boxes[at]) || !(boxes[at + 3] >= boxes[at + 1])) return;
    for (let r = row(boxes[at + 1]); r <= row(boxes[at + 3]); r++) for (let c = column(boxes[at]); c <= column(boxes[at + 2]); c++) each(r * columns + c);
  };
  for (let i = 0; i < count; i++) visit(i, (cell) => start[cell + 1]++);
  for (let cell = 0; cell < columns * rows; cell++) start[cell + 1] += start[cell];
  const fill = start.slice(0, columns * rows);
  const items = new Int32Array(start[columns * rows]);
  for (let i = 0; i < count; i++) visit(i, (cell) => (items[fill[cell]++] = i));
  return {
    cellOf(lng, lat) {
      if (!(lng >= west && lng <= east && lat >= south && lat <= north)) return -1;
      return row(lat) * columns + column(lng);
    },
    start,
    items,
  };
}
