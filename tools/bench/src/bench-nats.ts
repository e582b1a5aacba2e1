import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeServerConfig } from '@polku/bus-permissions';
import { findFreePort, startNatsServer } from '@polku/local-infra';

/** The bench's own authenticated nats-server, and what the bench's processes need to use it. */
export interface BenchNats {
  /** NATS_URL and NATS_NKEY_FILE for the bench's configuration. */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * A nats-server with the users and permissions rendered from the permission matrix for the
 * bench's namespace (and the test tools' user, for the bench's own stream work), so the
 * measured path includes authentication and permission checks as in production.
 */
export async function startBenchNats(namespace: string): Promise<BenchNats> {
  const dir = await mkdtemp(join(tmpdir(), 'polku-bench-nats-'));
  const files = await writeServerConfig({
    dir,
    scope: { kind: 'exact', namespace },
    testTools: true,
  });
  const nats = await startNatsServer({
    port: await findFreePort(),
    storeDir: join(dir, 'store'),
    configFile: files.configFile,
  });
  return {
    env: { NATS_URL: nats.url, NATS_NKEY_FILE: files.keyFile },
    async stop() {
      await nats.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
