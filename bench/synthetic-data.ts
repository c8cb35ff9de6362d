// Synthetic inputs at any scale for the bench: a jittered grid of hamlets whose shared edges are
// wiggled identically on both sides (so they partition the box), random operators' sites with
// co-location, and fibre points clustered around hamlet centres. Seeded; no Math.random.
import type { BtsRecord, CoverageInput, FibrePoint, Hamlet, Position, Technology } from '../src/core/types';
import { metersToDegrees } from '../src/core/units';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 374761393) ^ Math.imul(b, 668265263) ^ Math.imul(c, 2147483647);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export interface SyntheticOptions {
  seed: number;
  bbox: [number, number, number, number];
  hamlets: number;
  btsRecords: number;
  fibrePoints: number;
  /** Points per hamlet edge (more = more realistic vertex counts). */
  edgeVertices?: number;
}

const OPERATORS = ['Viettel', 'VinaPhone', 'MobiFone', 'Vietnamobile'];

export function generateSyntheticInput(options: SyntheticOptions): CoverageInput {
  const random = mulberry32(options.seed);
  const [west, south, east, north] = options.bbox;
  const aspect = (east - west) / (north - south);
  const columns = Math.max(1, Math.round(Math.sqrt(options.hamlets * aspect)));
  const rows = Math.max(1, Math.ceil(options.hamlets / columns));
  const cellLng = (east - west) / columns;
  const cellLat = (north - south) / rows;
  const edgeVertices = options.edgeVertices ?? 6;
  const node = (i: number, j: number): Position => {
    const jitter = i === 0 || j === 0 || i === columns || j === rows ? 0 : 0.3;
    return [west + (i + (hash(i, j, 1) - 0.5) * jitter) * cellLng, south + (j + (hash(i, j, 2) - 0.5) * jitter) * cellLat];
  };
  // Points along the edge between two nodes, wiggled by a hash of the edge (same from both sides).
  const edge = (a: [number, number], b: [number, number]): Position[] => {
    const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
    const [p, q] = forward ? [a, b] : [b, a];
    const start = node(p[0], p[1]);
    const end = node(q[0], q[1]);
    const points: Position[] = [];
    for (let k = 1; k < edgeVertices; k++) {
      const t = k / edgeVertices;
      const wiggle = (hash(p[0] * 7 + q[0], p[1] * 7 + q[1], k) - 0.5) * 0.08;
      points.push([start[0] + (end[0] - start[0]) * t - (end[1] - start[1]) * wiggle, start[1] + (end[1] - start[1]) * t + (end[0] - start[0]) * wiggle]);
    }
    return forward ? points : points.reverse();
  };
  const hamlets: Hamlet[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns && hamlets.length < options.hamlets; i++) {
      const corners: [number, number][] = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
      const ring: Position[] = [];
      for (let c = 0; c < 4; c++) {
        ring.push(node(corners[c][0], corners[c][1]));
        for (const position of edge(corners[c], corners[(c + 1) % 4])) ring.push(position);
      }
      ring.push(ring[0]);
      hamlets.push({
        id: `H${hamlets.length}`,
        name: `Ấp ${(hamlets.length % 12) + 1}`,
        commune: `Xã ${Math.floor(i / 3)}-${Math.floor(j / 3)}`,
        district: `Huyện ${Math.floor(i / 10)}-${Math.floor(j / 10)}`,
        households: 200 + Math.floor(random() * 400),
        properties: {},
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  const btsRecords: BtsRecord[] = [];
  while (btsRecords.length < options.btsRecords) {
    const lng = west + random() * (east - west);
    const lat = south + random() * (north - south);
    const operators = random() < 0.22 ? OPERATORS.filter(() => random() < 0.6).slice(0, 3) : [OPERATORS[Math.floor(random() * random() * 4)]];
    if (operators.length === 0) operators.push('Viettel');
    const [dLng, dLat] = metersToDegrees(8, lat);
    for (const operator of operators) {
      const technologies: Technology[] = random() < 0.15 ? ['4G', '5G'] : random() < 0.5 ? ['2G', '3G', '4G'] : ['4G'];
      btsRecords.push({ siteId: `S${btsRecords.length}`, operator, lng: lng + (random() - 0.5) * dLng, lat: lat + (random() - 0.5) * dLat, technologies });
    }
  }
  btsRecords.length = options.btsRecords;
  const fibrePoints: FibrePoint[] = [];
  for (let k = 0; k < options.fibrePoints; k++) {
    // Clustered: most points near a hamlet centre, some scattered.
    const hamlet = hamlets[Math.floor(random() * hamlets.length)];
    const ring = hamlet.geometry.coordinates[0] as Position[];
    const centre = ring[0];
    const spread = random() < 0.8 ? 0.5 : 1.5;
    fibrePoints.push({ id: `F${k}`, lng: centre[0] + (random() + 0.1) * cellLng * 0.6 * spread, lat: centre[1] + (random() + 0.1) * cellLat * 0.6 * spread });
  }
  return { hamlets, btsRecords, fibrePoints, fibreRoutes: [], indicators: [] };
}
