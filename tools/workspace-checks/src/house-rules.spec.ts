import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The house rules of docs/adr/0011-one-way-to-build-a-service.md that a reviewer would otherwise
// have to remember: checked over the files git tracks, so a new file cannot slip past them.
const workspaceRoot = resolve(__dirname, '../../..');

function trackedFiles(...pathspecs: string[]): string[] {
  const run = spawnSync('git', ['ls-files', '--', ...pathspecs], {
    cwd: workspaceRoot,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`git ls-files failed: ${run.stderr}`);
  }
  return run.stdout.split('\n').filter((line) => line.length > 0);
}

const read = (file: string): string => readFileSync(resolve(workspaceRoot, file), 'utf8');

const isTestOrMigration = (file: string): boolean =>
  /\.spec\.ts$|-spec\.ts$|\/test\/|\/migrations\//.test(file);

const sourceFiles = (): string[] =>
  trackedFiles('services/*.ts', 'libs/*.ts').filter(
    (file) => file.endsWith('.ts') && !isTestOrMigration(file),
  );

describe('house rules', () => {
  it('should keep every source file under services/ and libs/ at 300 lines or fewer', () => {
    const tooLong = sourceFiles()
      .map((file) => ({ file, lines: read(file).split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(tooLong).toEqual([]);
  });

  it('should cite only documents inside the repository in code', () => {
    // docs/domain.md and the ADRs are the repository's own; the long domain brief and the
    // Finnish source texts (cited by text number and line) live outside it, where a reader cannot follow.
    const outside =
      /(shared\/(docs|sources)\/|(?<![\w/])(domain|architecture|stack-notes|conventions)\.md|\b00[0-4] L\d)/;
    const offending = trackedFiles('services', 'libs', 'tools', 'e2e')
      .filter((file) => /\.(ts|mjs|js)$/.test(file))
      .flatMap((file) =>
        read(file)
          .split('\n')
          .map((line, index) => ({ line, number: index + 1 }))
          .filter(({ line }) => outside.test(line))
          .map(({ line, number }) => `${file}:${number}: ${line.trim()}`),
      );
    expect(offending).toEqual([]);
  });

  it('should wire every service that has features from feature modules', () => {
    const services = trackedFiles('services/*/src/app.module.ts').map((file) => file.split('/')[1]);
    expect(services.length).toBeGreaterThanOrEqual(5);
    const withoutFeatureModules = services.filter((service) => {
      const files = trackedFiles(`services/${service}/src`);
      const hasFeatures = files.some((file) => /\.(handlers?|controller|service)\.ts$/.test(file));
      const featureModules = files.filter(
        (file) => file.endsWith('.module.ts') && !file.endsWith('/app.module.ts'),
      );
      return hasFeatures && featureModules.length === 0;
    });
    expect(withoutFeatureModules).toEqual([]);
  });

  it('should keep HTTP, OpenAPI and validation internals out of the wire contracts', () => {
    const contracts = trackedFiles('libs/contracts/src').filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'),
    );
    const offending = contracts.filter((file) =>
      /from '(@nestjs\/swagger|@polku\/validation)'/.test(read(file)),
    );
    expect(contracts.length).toBeGreaterThan(0);
    expect(offending).toEqual([]);
  });
});
