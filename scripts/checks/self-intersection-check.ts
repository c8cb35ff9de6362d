// npx tsx scripts/checks/self-intersection-check.ts [VERTICES]
// Times the hamlet parser's self-intersection check on a zig-zag ring whose every edge spans the
// whole width (issue #12 §2: 200,000 vertices got no answer in 5 minutes from the pairwise check).
import { hasRingCrossing } from '../../src/core/io/find-ring-crossing';
import { repairPolygon } from '../../src/core/io/repair-polygon';
import type { Position } from '../../src/core/types';

const count = Number(process.argv[2] ?? 200_000);
const vertices: Position[] = [];
for (let index = 0; index < count; index += 1) vertices.push([105.9 + (index % 2 === 0 ? 0 : 0.01), 9.6 + index * 1e-7]);
const top = vertices[vertices.length - 1][1];
const ring: Position[] = [...vertices, [105.89, top], [105.89, 9.6], vertices[0]];
const times: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const started = performance.now();
  const crossing = hasRingCrossing([ring]);
  times.push(performance.now() - started);
  if (crossing) throw new Error('the zig-zag is a valid ring');
}
const started = performance.now();
const repair = repairPolygon({ type: 'Polygon', coordinates: [ring] });
const repairMs = performance.now() - started;
times.sort((a, b) => a - b);
console.log(`${count} vertices: sweep median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)}); repairPolygon ${repair.status} in ${repairMs.toFixed(0)} ms`);
