// Runs a project CLI (scripts/*.ts) in a child process, as a user would.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Real public reference data beside the repository; tests that read it skip when it is absent. */
export const SHARED_DATA_DIR = join(REPO_ROOT, '..', 'shared', 'data', 'soc-trang');
export const hasSharedData = existsSync(join(SHARED_DATA_DIR, 'districts.geojson'));

export function runCli(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
