/**
 * CLI: rebuilds scripts/demo-dataset/soc-trang-frame.ts (the demo dataset's real administrative
 * frame: names, codes, census figures, the 2025 merger) from the public reference tables.
 * Option: `--from <dir>` (default: ../shared/data/soc-trang next to the repository).
 * Then run `npm run build-dataset` to regenerate the demo files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAdminFrame, formatAdminFrameModule } from './demo-dataset/admin-frame';

function main(): void {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const index = process.argv.indexOf('--from');
  const from = resolve(index >= 0 ? process.argv[index + 1] : join(repoRoot, '..', 'shared', 'data', 'soc-trang'));
  const read = (name: string): string => readFileSync(join(from, name), 'utf8');
  const communes = buildAdminFrame({ adminUnits: read('admin-units-2025-03.csv'), census: read('census-2019.csv'), merger: read('merger-2025-07.csv') });
  const out = join(repoRoot, 'scripts', 'demo-dataset', 'soc-trang-frame.ts');
  writeFileSync(out, formatAdminFrameModule(communes));
  const households = communes.reduce((sum, commune) => sum + commune.households, 0);
  console.log(`${communes.length} communes in ${new Set(communes.map((commune) => commune.districtCode)).size} districts → ${new Set(communes.map((commune) => commune.newCode)).size} units from 1 July 2025; ${households} households`);
  console.log(`written to ${out}`);
}

main();
