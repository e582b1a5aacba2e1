import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBusKey, ensureKeyFile } from './key-file';
import { type NatsConnectionConfig, natsLinkOptionsFor } from './connection-options';

const base: NatsConnectionConfig = {
  NODE_ENV: 'development',
  NATS_URL: 'nats://127.0.0.1:4222',
  NATS_NKEY_SEED: '',
  NATS_NKEY_FILE: '/nonexistent/users.json',
  NATS_TLS_CA_FILE: '',
  NATS_TLS_CERT_FILE: '',
  NATS_TLS_KEY_FILE: '',
};

describe('natsLinkOptionsFor', () => {
  it('uses NATS_NKEY_SEED and the identity’s own inbox prefix', () => {
    const { seed } = createBusKey();
    const options = natsLinkOptionsFor({ ...base, NATS_NKEY_SEED: seed }, 'client-intake', 'x');
    expect(options).toMatchObject({ seed, inboxPrefix: '_INBOX_client_intake' });
    expect(options.refuseAnonymousServer).toBe(false);
  });

  it('finds the seed in the development key file when NATS_NKEY_SEED is unset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polku-keys-'));
    const file = join(dir, 'nats', 'users.json');
    const keys = await ensureKeyFile(file, ['gateway', 'provisioner']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(natsLinkOptionsFor({ ...base, NATS_NKEY_FILE: file }, 'gateway', 'x').seed).toBe(
      keys.gateway?.seed,
    );
    // A second call keeps the keys the server configuration already names.
    await ensureKeyFile(file, ['gateway', 'provisioner', 'operator']);
    const again = JSON.parse(await readFile(file, 'utf8')) as typeof keys;
    expect(again.gateway).toEqual(keys.gateway);
  });

  it('says where the seed should come from when there is none', () => {
    expect(() => natsLinkOptionsFor(base, 'gateway', 'x')).toThrow(
      /no NATS_NKEY_SEED and no readable key file/,
    );
  });

  it('refuses production without NATS_NKEY_SEED, even with a key file', () => {
    expect(() =>
      natsLinkOptionsFor(
        { ...base, NODE_ENV: 'production', NATS_TLS_CA_FILE: '/ca.pem' },
        'gateway',
        'x',
      ),
    ).toThrow(/NATS_NKEY_SEED must be set when NODE_ENV=production/);
  });

  it('refuses production without TLS', () => {
    const { seed } = createBusKey();
    expect(() =>
      natsLinkOptionsFor({ ...base, NODE_ENV: 'production', NATS_NKEY_SEED: seed }, 'gateway', 'x'),
    ).toThrow(/NATS needs TLS when NODE_ENV=production/);
  });

  it('accepts production with a seed and TLS, and then refuses anonymous servers', () => {
    const { seed } = createBusKey();
    const options = natsLinkOptionsFor(
      { ...base, NODE_ENV: 'production', NATS_NKEY_SEED: seed, NATS_URL: 'tls://nats:4222' },
      'gateway',
      'x',
    );
    expect(options.tls).toEqual({});
    expect(options.refuseAnonymousServer).toBe(true);
  });

  it('refuses a client certificate without its key', () => {
    expect(() =>
      natsLinkOptionsFor({ ...base, NATS_TLS_CERT_FILE: '/cert.pem' }, 'gateway', 'x'),
    ).toThrow(/set together/);
  });
});
