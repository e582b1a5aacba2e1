import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderConfigurationDoc } from '@polku/config';
// The one import of a service from tools: the OpenAPI document is the gateway's own module graph.
import { renderOpenApiJson } from '../../services/gateway/src/openapi/export-openapi';
import { renderEventsDoc } from './render-events-doc';

// Documents generated from code, so they cannot drift from it. `npm run docs:generate` writes
// them; `npm run docs:check` (run by CI) fails when a committed copy is stale.

const workspaceRoot = resolve(__dirname, '../..');

const GENERATED: ReadonlyArray<{ path: string; render: () => string | Promise<string> }> = [
  { path: 'docs/configuration.md', render: renderConfigurationDoc },
  { path: 'docs/events.md', render: renderEventsDoc },
  { path: 'docs/openapi.json', render: renderOpenApiJson },
];

async function main(): Promise<void> {
  const checkOnly = process.argv.includes('--check');
  const stale: string[] = [];
  for (const { path, render } of GENERATED) {
    const file = resolve(workspaceRoot, path);
    const expected = await render();
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === expected) {
      continue;
    }
    if (checkOnly) {
      stale.push(path);
    } else {
      writeFileSync(file, expected);
      process.stdout.write(`wrote ${path}\n`);
    }
  }
  if (stale.length > 0) {
    process.stderr.write(
      `stale generated docs: ${stale.join(', ')}; run npm run docs:generate and commit\n`,
    );
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `could not generate docs: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
