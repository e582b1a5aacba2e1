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

// Writes a probe file into a project, lints it with the workspace's own ESLint CLI and
// config (as `nx lint` would), removes it, and returns the module-boundary findings.
function boundaryFindings(projectSrc: string, source: string): string[] {
  const file = resolve(
    workspaceRoot,
    projectSrc,
    `boundary-probe-${randomBytes(4).toString('hex')}.ts`,
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
      .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
      .map((message) => message.message);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('module boundaries', () => {
  it('should fail lint when a service imports another service', () => {
    const findings = boundaryFindings(
      'services/gateway/src',
      "import { AppModule } from '../../client-intake/src/app.module';\n\nexport const probe = AppModule;\n",
    );
    expect(findings.length).toBeGreaterThan(0);
  });

  it('should pass lint when a service imports a shared library', () => {
    const findings = boundaryFindings(
      'services/gateway/src',
      "import { SERVICE_NAMES } from '@polku/contracts';\n\nexport const probe = SERVICE_NAMES;\n",
    );
    expect(findings).toEqual([]);
  });

  it('should fail lint when a shared library imports the local-infra tooling library', () => {
    const findings = boundaryFindings(
      'libs/messaging/src',
      "import { findFreePort } from '@polku/local-infra';\n\nexport const probe = findFreePort;\n",
    );
    expect(findings.length).toBeGreaterThan(0);
  });

  it('should fail lint when a shared library imports the demo directory', () => {
    const findings = boundaryFindings(
      'libs/auth/src',
      "import { DEMO_USERS } from '@polku/demo';\n\nexport const probe = DEMO_USERS;\n",
    );
    expect(findings.length).toBeGreaterThan(0);
  });
});
