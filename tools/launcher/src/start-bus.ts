import { join } from 'node:path';
import { provisionBus, writeServerConfig } from '@polku/bus-permissions';
import type { LauncherConfig } from '@polku/config';
import { ensureNats, type EnsuredServer, findFreePort, startNatsServer } from '@polku/local-infra';

/** The NATS the services use, and what their environment needs to reach it. */
export interface LauncherBus {
  readonly server: EnsuredServer;
  /** Variables the services get on top of the launcher's own (the key file, no TLS files). */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * POLKU_START_NATS=auto: a nats-server of npm start's own on a free port (never whatever
 * listens on 4222, which may let anyone in), with the users and permissions rendered from the
 * permission matrix for NATS_NAMESPACE and the development keys in POLKU_DATA_DIR/nats.
 * never: the server at NATS_URL, configured by its operator. Either way the provisioning
 * identity then creates the streams and every durable consumer, before any service starts.
 */
export async function startBus(
  config: LauncherConfig,
  dataDir: string,
  log: (line: string) => void,
): Promise<LauncherBus> {
  if (config.POLKU_START_NATS === 'never') {
    const server = await ensureNats({ url: config.NATS_URL, mode: 'never', dataDir, log });
    await provisionBus(config);
    return { server, env: {} };
  }
  const dir = join(dataDir, 'nats');
  const files = await writeServerConfig({
    dir,
    scope: { kind: 'exact', namespace: config.NATS_NAMESPACE },
  });
  const nats = await startNatsServer({
    port: await findFreePort(),
    storeDir: dir,
    configFile: files.configFile,
    log,
  });
  const server: EnsuredServer = {
    url: nats.url,
    source: 'started',
    description: `authenticated nats-server with its store and keys in ${dir}`,
    stop: nats.stop,
  };
  // Our own server listens on 127.0.0.1 without TLS: TLS files meant for another server go.
  const env = {
    NATS_NKEY_FILE: files.keyFile,
    NATS_TLS_CA_FILE: '',
    NATS_TLS_CERT_FILE: '',
    NATS_TLS_KEY_FILE: '',
  };
  try {
    await provisionBus({ ...config, ...env, NATS_URL: nats.url });
  } catch (error) {
    await nats.stop();
    throw error;
  }
  return { server, env };
}
