import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const workspaceRoot = resolve(__dirname, '../../../..');

/** What `npm run demo -- --json` printed and how it exited. */
export interface DemoRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The parts of the generator's JSON summary the system tests read (tools/demo/src/summary.ts). */
export interface DemoRunSummary {
  readonly mode: 'simulated' | 'real-time';
  readonly from: string;
  readonly failedCommands: number;
  readonly abandoned: number;
  readonly commands: number;
  readonly commandsByKind: Record<string, number>;
  readonly eventsByType?: Record<string, number>;
  readonly paths: readonly { pathId: string; referredBy: string }[];
}

/** Runs the demo data generator's CLI against a gateway, as `npm run demo -- --json …` does. */
export function runDemo(gatewayUrl: string, args: readonly string[]): Promise<DemoRun> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        ...['-r', '@swc-node/register', 'tools/demo/src/main.ts'],
        ...['--gateway', gatewayUrl, '--json', ...args],
      ],
      { cwd: workspaceRoot, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

/** The summary of a run that exited 0, else an error with what it printed on stderr. */
export function summaryOf(run: DemoRun): DemoRunSummary {
  if (run.code !== 0) {
    throw new Error(`npm run demo exited ${run.code}:\n${run.stderr}\n${run.stdout}`);
  }
  return JSON.parse(run.stdout) as DemoRunSummary;
}
