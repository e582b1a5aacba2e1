import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUS_IDENTITIES, type BusIdentity, TEST_TOOLS } from './identities';
import { ensureKeyFile } from './key-file';
import type { NamespaceScope } from './permission-matrix';
import { renderAuthorization } from './server-config';

/** Where writeServerConfig put the server configuration and the development keys. */
export interface ServerConfigFiles {
  /** For `nats-server -c`. */
  readonly configFile: string;
  /** For NATS_NKEY_FILE. */
  readonly keyFile: string;
}

/**
 * Development and tests: makes sure the key file in dir has a key for every identity and writes
 * the server configuration that names their public keys (both mode 0600). The test server also
 * gets the test tools' user (testTools); `npm start` never does.
 */
export async function writeServerConfig(options: {
  readonly dir: string;
  readonly scope: NamespaceScope;
  readonly testTools?: boolean;
  /** The server's certificate and key: clients must then connect with TLS. */
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
}): Promise<ServerConfigFiles> {
  const identities: BusIdentity[] = [
    ...BUS_IDENTITIES,
    ...(options.testTools === true ? [TEST_TOOLS as BusIdentity] : []),
  ];
  const keyFile = join(options.dir, 'users.json');
  const keys = await ensureKeyFile(keyFile, identities);
  const users = identities.map((identity) => {
    const key = keys[identity];
    if (!key) {
      throw new Error(`no key for ${identity} in ${keyFile}`);
    }
    return { identity, publicKey: key.publicKey };
  });
  const configFile = join(options.dir, 'nats-server.conf');
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const tls = options.tls
    ? `tls {\n  cert_file: ${JSON.stringify(options.tls.certFile)}\n  key_file: ${JSON.stringify(options.tls.keyFile)}\n}\n`
    : '';
  await writeFile(configFile, renderAuthorization(users, options.scope) + tls, { mode: 0o600 });
  return { configFile, keyFile };
}
