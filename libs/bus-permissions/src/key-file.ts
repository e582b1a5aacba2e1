import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import type { BusIdentity } from './identities';

/** One identity's key pair as the development key file holds it. */
export interface BusKey {
  readonly seed: string;
  readonly publicKey: string;
}

/** The development key file: a key pair per identity. */
export type BusKeySet = Readonly<Partial<Record<BusIdentity, BusKey>>>;

/** A fresh nkey user key pair. */
export function createBusKey(): BusKey {
  const pair = createUser();
  return { seed: new TextDecoder().decode(pair.getSeed()), publicKey: pair.getPublicKey() };
}

async function readKeySet(path: string): Promise<BusKeySet | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as BusKeySet;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new Error(`cannot read the NATS key file ${path}: ${String(error)}`);
  }
}

/**
 * Development and tests: the key file at path, with a key pair for every identity given,
 * created (mode 0600) or completed when some are missing. Existing keys are kept, so services
 * started earlier still match the server's configuration.
 */
export async function ensureKeyFile(
  path: string,
  identities: readonly BusIdentity[],
): Promise<BusKeySet> {
  const existing = (await readKeySet(path)) ?? {};
  const missing = identities.filter((identity) => existing[identity] === undefined);
  if (missing.length === 0) {
    return existing;
  }
  const keys: Partial<Record<BusIdentity, BusKey>> = { ...existing };
  for (const identity of missing) {
    keys[identity] = createBusKey();
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return keys;
}

/** The seed of one identity from the key file; throws a clear error when there is none. */
export function seedFromKeyFile(path: string, identity: BusIdentity): string {
  let keys: BusKeySet;
  try {
    keys = JSON.parse(readFileSync(path, 'utf8')) as BusKeySet;
  } catch (error) {
    throw new Error(
      `no NATS_NKEY_SEED and no readable key file ${path} (${(error as Error).message}): ` +
        'npm start and the test setup create it; elsewhere set NATS_NKEY_SEED',
    );
  }
  const key = keys[identity];
  if (!key) {
    throw new Error(`the NATS key file ${path} holds no key for ${identity}`);
  }
  return key.seed;
}
