import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const workspaceRoot = resolve(__dirname, '../../..');
const eslintBin = resolve(workspaceRoot, 'node_modules/eslint/bin/eslint.js');

interface EslintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}

/**
 * Writes a probe file into a project, lints it with the workspace's own ESLint CLI and config
 * (as `nx lint` would), removes it, and returns the findings of one rule.
 */
export function lintFindings(projectSrc: string, source: string, ruleId: string): string[] {
  const file = resolve(
    workspaceRoot,
    projectSrc,
    `lint-probe-${randomBytes(4).toString('hex')}.ts`,
  );
  writeFileSync(file, source);
  try {
    const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', file], {
      cwd: workspaceRoot,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (!run.stdout) {
      throw new Error(`eslint printed nothing: ${run.stderr}`);
    }
    const [result] = JSON.parse(run.stdout) as { messages: EslintMessage[] }[];
    return result.messages
      .filter((message) => message.ruleId === ruleId)
      .map((message) => message.message);
  } finally {
    rmSync(file, { force: true });
  }
}
