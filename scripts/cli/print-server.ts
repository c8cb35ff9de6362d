// The print CLI's web side: a current build of the app in dist/, served by `vite preview` on a free
// 127.0.0.1 port. The server is stopped by its own pid, never by name.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { say } from './cli-common';
import { CliError } from './read-inputs';

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** Builds the app with Vite unless dist/ is newer than every source the build reads. */
export function ensureBuild(root: string, log: (line: string) => void): void {
  const built = existsSync(join(root, 'dist', 'index.html')) ? statSync(join(root, 'dist', 'index.html')).mtimeMs : 0;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].reduce((newest, name) => Math.max(newest, newestChange(join(root, name))), 0);
  if (built > sources) return;
  log(say('cli.print.building'));
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new CliError('cli.print.buildFailed', { status: String(result.status) });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface PreviewServer {
  baseUrl: string;
  stop(): void;
}

/** Starts `vite preview` on dist/ and waits until it answers. */
export async function startPreviewServer(root: string): Promise<PreviewServer> {
  if (!existsSync(join(root, 'dist', 'index.html'))) throw new CliError('cli.print.noDist');
  const port = await findFreePort();
  const child: ChildProcess = spawn(join(root, 'node_modules', '.bin', 'vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  };
  const baseUrl = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new CliError('cli.print.previewExited', { code: String(child.exitCode) });
    try {
      if ((await fetch(baseUrl)).ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new CliError('cli.print.previewSilent', { url: baseUrl });
}
