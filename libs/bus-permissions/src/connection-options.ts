import { isAbsolute, resolve } from 'node:path';
import type { ServiceConfig } from '@polku/config';
import type { NatsLinkOptions, NatsTlsFiles } from '@polku/messaging';
import { type BusIdentity, inboxPrefixOf } from './identities';
import { seedFromKeyFile } from './key-file';

/** The configuration a process's NATS connection is built from. */
export type NatsConnectionConfig = Pick<
  ServiceConfig,
  | 'NODE_ENV'
  | 'NATS_URL'
  | 'NATS_NKEY_SEED'
  | 'NATS_NKEY_FILE'
  | 'NATS_TLS_CA_FILE'
  | 'NATS_TLS_CERT_FILE'
  | 'NATS_TLS_KEY_FILE'
>;

/** The TLS files to use, undefined for plain TCP; throws on a half-configured client cert. */
export function natsTlsOf(config: NatsConnectionConfig): NatsTlsFiles | undefined {
  const { NATS_TLS_CA_FILE: caFile, NATS_TLS_CERT_FILE: certFile } = config;
  const keyFile = config.NATS_TLS_KEY_FILE;
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new Error('NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE are set together or not at all');
  }
  const urls = config.NATS_URL.split(',').map((url) => url.trim());
  const tlsUrls = urls.every((url) => url.startsWith('tls://'));
  if (!caFile && !certFile && !tlsUrls) {
    return undefined;
  }
  return {
    ...(caFile ? { caFile } : {}),
    ...(certFile ? { certFile, keyFile } : {}),
  };
}

function seedOf(config: NatsConnectionConfig, identity: BusIdentity): string {
  if (config.NATS_NKEY_SEED) {
    return config.NATS_NKEY_SEED;
  }
  if (config.NODE_ENV === 'production') {
    throw new Error(
      'NATS_NKEY_SEED must be set when NODE_ENV=production: each process connects to NATS ' +
        'as its own user (docs/security.md)',
    );
  }
  const file = isAbsolute(config.NATS_NKEY_FILE)
    ? config.NATS_NKEY_FILE
    : resolve(process.cwd(), config.NATS_NKEY_FILE);
  return seedFromKeyFile(file, identity);
}

/**
 * How a process connects to NATS as identity: its seed (NATS_NKEY_SEED, or outside production
 * the development key file), its own inbox prefix, and TLS. In production, a missing seed or
 * missing TLS refuses to start, and so does a server that lets anonymous clients in.
 */
export function natsLinkOptionsFor(
  config: NatsConnectionConfig,
  identity: BusIdentity,
  name: string,
): NatsLinkOptions {
  const tls = natsTlsOf(config);
  const production = config.NODE_ENV === 'production';
  if (production && !tls) {
    throw new Error(
      'NATS needs TLS when NODE_ENV=production: set NATS_TLS_CA_FILE or use tls:// URLs in NATS_URL',
    );
  }
  return {
    servers: config.NATS_URL,
    name,
    seed: seedOf(config, identity),
    inboxPrefix: inboxPrefixOf(identity),
    ...(tls ? { tls } : {}),
    refuseAnonymousServer: production,
  };
}
