import { generateKeyPairSync } from 'node:crypto';
import { GatewayConfig } from './gateway.config';
import {
  DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY,
  DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS,
  parseInternalTokenSigningKey,
  parseInternalTokenVerifyKeys,
} from './internal-token-keys';
import { ConfigError, loadConfig } from './load-config';
import { ServiceConfig } from './service.config';
import { TransitionsConfig } from './transitions.config';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signing: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    verify: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
};

function problemsOf(configClass: new () => object, env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(configClass, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('internal token keys', () => {
  const developmentSecret = DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY.split(':')[1];
  const developmentPublic = DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS.split(':')[1];

  it('should give the development pair, whose key id says so, outside production', () => {
    const service = loadConfig(ServiceConfig, { NODE_ENV: 'test' });
    const gateway = loadConfig(GatewayConfig, { NODE_ENV: 'test' });

    expect(service.internalTokenVerifyKeys().map((key) => key.kid)).toEqual(['dev-only']);
    expect(gateway.internalTokenSigningKey().kid).toBe('dev-only');
    expect(gateway.INTERNAL_TOKEN_LIFETIME_S).toBe(30);
  });

  it('should refuse the development verify key in production, under any key id, without printing it', () => {
    const own = pair();
    const problems = problemsOf(TransitionsConfig, {
      NODE_ENV: 'production',
      INTERNAL_TOKEN_VERIFY_KEYS: `new:${own.verify},renamed:${developmentPublic}`,
    });

    expect(problems).toEqual([
      expect.stringContaining('INTERNAL_TOKEN_VERIFY_KEYS must hold only the gateway’s own keys'),
    ]);
    expect(problems.join()).not.toContain(developmentPublic);
  });

  it('should refuse to start a service in production when INTERNAL_TOKEN_VERIFY_KEYS is unset', () => {
    expect(problemsOf(ServiceConfig, { NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('INTERNAL_TOKEN_VERIFY_KEYS'),
    ]);
  });

  it('should refuse the development signing key on a production gateway, without printing it', () => {
    const problems = problemsOf(GatewayConfig, {
      NODE_ENV: 'production',
      AUTH_ISSUER: 'https://login.example.fi',
      IDEMPOTENCY_FINGERPRINT_KEY: Buffer.alloc(32, 3).toString('base64'),
      INTERNAL_TOKEN_SIGNING_KEY: `mine:${developmentSecret}`,
    });

    expect(problems).toEqual([
      expect.stringContaining('INTERNAL_TOKEN_SIGNING_KEY must be a key of your own'),
    ]);
    expect(problems.join()).not.toContain(developmentSecret);
  });

  it('should read several verify keys for a rotation, and refuse a key id twice', () => {
    const [a, b] = [pair(), pair()];
    expect(
      parseInternalTokenVerifyKeys(`k1:${a.verify}, k2:${b.verify}`).map((k) => k.kid),
    ).toEqual(['k1', 'k2']);
    expect(() => parseInternalTokenVerifyKeys(`k1:${a.verify},k1:${b.verify}`)).toThrow(
      /more than once/,
    );
  });

  it.each([
    ['a private key where a public key belongs', () => `k1:${pair().signing}`],
    [
      'an RSA key',
      () =>
        `k1:${generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`,
    ],
    ['no key id', () => pair().verify],
    ['not base64', () => 'k1:!!!!'],
  ])('should refuse %s in INTERNAL_TOKEN_VERIFY_KEYS, naming the variable only', (_name, value) => {
    const text = value();
    const problems = problemsOf(ServiceConfig, { INTERNAL_TOKEN_VERIFY_KEYS: text });
    expect(problems).toEqual([expect.stringContaining('INTERNAL_TOKEN_VERIFY_KEYS')]);
    expect(problems.join()).not.toContain(text.slice(text.indexOf(':') + 1));
  });

  it('should refuse a public key as the signing key and a lifetime over 60 s', () => {
    expect(() => parseInternalTokenSigningKey(`k1:${pair().verify}`)).toThrow(/Ed25519/);
    expect(problemsOf(GatewayConfig, { INTERNAL_TOKEN_LIFETIME_S: '61' })).toEqual([
      expect.stringContaining('INTERNAL_TOKEN_LIFETIME_S'),
    ]);
  });
});
