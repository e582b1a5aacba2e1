import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';

/**
 * Builds every service with Nx (cached: a second start rebuilds nothing). Output is kept
 * back unless the build fails, so a person sees the URLs, not webpack's chatter.
 */
export function buildServices(workspaceRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const child = spawn(
      process.execPath,
      [
        join(
          dirname(require.resolve('nx/package.json', { paths: [workspaceRoot] })),
          'dist/bin/nx.js',
        ),
        'run-many',
        '-t',
        'build',
        '-p',
        'tag:type:service',
        '--outputStyle=static',
      ],
      {
        cwd: workspaceRoot,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`building the services failed:\n${output.join('')}`)),
    );
  });
}
