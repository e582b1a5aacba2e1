import { lintFindings } from './lint-probe';

const boundaryFindings = (projectSrc: string, source: string) =>
  lintFindings(projectSrc, source, '@nx/enforce-module-boundaries');

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
