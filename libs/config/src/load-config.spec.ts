import { ActivationPlansConfig } from './activation-plans.config';
import { NetworkMeetingsConfig } from './network-meetings.config';
import { ClientIntakeConfig } from './client-intake.config';
import { envVarsOf } from './env-var.decorator';
import { GatewayConfig } from './gateway.config';
import {
  DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS,
  DEVELOPMENT_IDENTITY_HASH_KEY,
} from './identity-keys';
import { DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS } from './internal-token-keys';
import { LauncherConfig } from './launcher.config';
import { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
import { ServiceConfig } from './service.config';

/** The error loadConfig threw, or a failure when it threw none. */
function configErrorOf(configClass: new () => object, env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(configClass, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

/** The JavaScript type a variable's documented default stands for. */
function documentedType(defaultValue: string): 'number' | 'boolean' | 'string' {
  if (/^\d+$/.test(defaultValue)) {
    return 'number';
  }
  return defaultValue === 'true' || defaultValue === 'false' ? 'boolean' : 'string';
}

/** Internal-token keys of our own (Ed25519, made for these tests), as production requires. */
const OWN_INTERNAL_TOKEN_KEYS = {
  INTERNAL_TOKEN_SIGNING_KEY:
    'test-prod:MC4CAQAwBQYDK2VwBCIEIMSWbYtTfYgU+xxOZ3hz9YeNgNH9ens2jlvy4kxR1/a+',
  INTERNAL_TOKEN_VERIFY_KEYS:
    'test-prod:MCowBQYDK2VwAyEAH1ApcNA4SiCe/5EFvEL4/s6UK19rGOCDGaa07/dC7os=',
};

class ExitCalled extends Error {
  constructor(readonly code: string | number | null | undefined) {
    super(`process.exit(${String(code)})`);
  }
}

describe('loadConfig', () => {
  describe('defaults', () => {
    it('should give every documented ServiceConfig default when the environment is empty', () => {
      const config = loadConfig(ServiceConfig, {});

      expect({ ...config }).toEqual({
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'pretty',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
        DATABASE_NAME_PREFIX: 'polku',
        DATABASE_POOL_MAX: 10,
        DATABASE_MIGRATIONS_RUN: true,
        DATABASE_CONNECT_RETRIES: 10,
        NATS_URL: 'nats://127.0.0.1:4222',
        NATS_NAMESPACE: '',
        NATS_NKEY_SEED: '',
        NATS_NKEY_FILE: '.polku/nats/users.json',
        NATS_TLS_CA_FILE: '',
        NATS_TLS_CERT_FILE: '',
        NATS_TLS_KEY_FILE: '',
        NATS_REQUEST_TIMEOUT_MS: 5000,
        NATS_STREAM_REPLICAS: 1,
        NATS_DUPLICATE_WINDOW_S: 1200,
        EVENT_MAX_ATTEMPTS: 5,
        EVENT_BATCH_SIZE: 100,
        EVENT_RETRY_BASE_MS: 1000,
        EVENT_RETRY_MAX_MS: 60000,
        EVENT_ACK_WAIT_MS: 30000,
        OUTBOX_BATCH_SIZE: 200,
        OUTBOX_POLL_INTERVAL_MS: 500,
        READ_YOUR_WRITES_WAIT_MS: 2000,
        SHUTDOWN_TIMEOUT_MS: 10000,
        SIMULATED_CLOCK_FILE: '',
        INTERNAL_TOKEN_VERIFY_KEYS: DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS,
      });
      expect(config).toBeInstanceOf(ServiceConfig);
    });

    it('should add the gateway’s HTTP defaults when GatewayConfig loads an empty environment', () => {
      const config = loadConfig(GatewayConfig, {});

      expect(config).toBeInstanceOf(GatewayConfig);
      expect(config).toMatchObject({
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: 3000,
        HEALTH_TIMEOUT_MS: 1500,
        DATABASE_POOL_MAX: 10,
      });
    });

    it('should add the launcher’s defaults when LauncherConfig loads an empty environment', () => {
      const config = loadConfig(LauncherConfig, {});

      expect(config).toBeInstanceOf(LauncherConfig);
      expect(config).toMatchObject({
        POLKU_DATA_DIR: '.polku',
        POLKU_EMBEDDED_POSTGRES: 'auto',
        POLKU_START_NATS: 'auto',
        POLKU_STARTUP_TIMEOUT_S: 120,
        HTTP_PORT: 3000,
        DATABASE_MIGRATIONS_RUN: true,
      });
    });

    it.each([
      ['ServiceConfig', ServiceConfig],
      ['GatewayConfig', GatewayConfig],
      ['LauncherConfig', LauncherConfig],
      ['ClientIntakeConfig', ClientIntakeConfig],
      ['ActivationPlansConfig', ActivationPlansConfig],
      ['NetworkMeetingsConfig', NetworkMeetingsConfig],
    ] as const)(
      'should give each %s variable the type its default documents when the environment is empty',
      (_name, configClass) => {
        const config = loadConfig(configClass, {}) as unknown as Record<string, unknown>;
        const variables = envVarsOf(configClass);

        expect(variables.length).toBeGreaterThan(0);
        for (const variable of variables) {
          expect(variable.default).toBeDefined();
          expect({ name: variable.name, type: typeof config[variable.name] }).toEqual({
            name: variable.name,
            type: documentedType(variable.default ?? ''),
          });
        }
      },
    );

    it('should read every ServiceConfig variable once when the class is inspected', () => {
      const names = envVarsOf(LauncherConfig).map((variable) => variable.name);

      expect(new Set(names).size).toBe(names.length);
      expect(names.slice(0, envVarsOf(ServiceConfig).length)).toEqual(
        envVarsOf(ServiceConfig).map((variable) => variable.name),
      );
    });

    it('should prefer the environment over the default when a variable is set', () => {
      const config = loadConfig(GatewayConfig, {
        HTTP_PORT: '8080',
        DATABASE_MIGRATIONS_RUN: 'false',
        LOG_FORMAT: 'json',
      });

      expect(config.HTTP_PORT).toBe(8080);
      expect(config.DATABASE_MIGRATIONS_RUN).toBe(false);
      expect(config.LOG_FORMAT).toBe('json');
    });

    it('should ignore variables no config class declares when the environment has them', () => {
      const config = loadConfig(ServiceConfig, { PATH: '/usr/bin', SOMETHING_ELSE: '!!' });

      expect(config).not.toHaveProperty('PATH');
      expect(config).not.toHaveProperty('SOMETHING_ELSE');
    });
  });

  describe('DATABASE_URL', () => {
    it('should throw a one-line ConfigError naming the variable and quoting the value when it is not a URL', () => {
      const error = configErrorOf(ServiceConfig, { DATABASE_URL: 'nonsense' });

      expect(error.name).toBe('ConfigError');
      expect(error.message).toContain('DATABASE_URL');
      expect(error.message).toContain('"nonsense"');
      expect(error.message).not.toMatch(/[\r\n]/);
      expect(error.problems).toHaveLength(1);
    });

    it('should reject the value when it is a URL of another protocol', () => {
      const error = configErrorOf(ServiceConfig, {
        DATABASE_URL: 'mysql://root@127.0.0.1:3306/db',
      });

      expect(error.problems).toEqual([expect.stringContaining('DATABASE_URL')]);
    });

    it('should accept the value when it is a postgresql:// URL with credentials', () => {
      const url = 'postgresql://app:secret@db.example.com:5433/app?sslmode=require';

      expect(loadConfig(ServiceConfig, { DATABASE_URL: url }).DATABASE_URL).toBe(url);
    });
  });

  describe('AUTH_ISSUER', () => {
    it('should refuse to start in production without an issuer, so the demo issuer never runs there', () => {
      expect(configErrorOf(GatewayConfig, { NODE_ENV: 'production' }).message).toContain(
        'AUTH_ISSUER must be the OIDC issuer URL',
      );
    });

    it('should accept an empty issuer outside production (the gateway then needs POLKU_DEMO=true)', () => {
      expect(loadConfig(GatewayConfig, { NODE_ENV: 'development' }).AUTH_ISSUER).toBe('');
    });

    it('should accept an issuer URL in production', () => {
      const issuer = 'https://login.kainuu.example/realms/polku';
      expect(
        loadConfig(GatewayConfig, {
          NODE_ENV: 'production',
          AUTH_ISSUER: issuer,
          IDEMPOTENCY_FINGERPRINT_KEY: Buffer.alloc(32, 3).toString('base64'),
          ...OWN_INTERNAL_TOKEN_KEYS,
        }).AUTH_ISSUER,
      ).toBe(issuer);
    });
  });

  describe('SIMULATED_CLOCK_FILE (issue 19)', () => {
    it('should take a clock file outside production', () => {
      expect(
        loadConfig(ServiceConfig, { SIMULATED_CLOCK_FILE: '.polku/clock/simulated-clock.json' })
          .SIMULATED_CLOCK_FILE,
      ).toBe('.polku/clock/simulated-clock.json');
    });

    it('should refuse a clock file in production', () => {
      expect(
        configErrorOf(ServiceConfig, {
          NODE_ENV: 'production',
          NATS_NKEY_SEED: `SU${'A'.repeat(56)}`,
          NATS_TLS_CA_FILE: '/etc/polku/nats-ca.pem',
          ...OWN_INTERNAL_TOKEN_KEYS,
          SIMULATED_CLOCK_FILE: '/tmp/clock.json',
        }).message,
      ).toContain('SIMULATED_CLOCK_FILE must be empty when NODE_ENV=production');
    });
  });

  describe('POLKU_DEMO and https key sources (issue 15)', () => {
    const production = {
      NODE_ENV: 'production',
      IDEMPOTENCY_FINGERPRINT_KEY: Buffer.alloc(32, 3).toString('base64'),
      ...OWN_INTERNAL_TOKEN_KEYS,
    };

    it('should leave demo mode off unless it is switched on', () => {
      expect(loadConfig(GatewayConfig, {}).POLKU_DEMO).toBe(false);
      expect(loadConfig(GatewayConfig, { POLKU_DEMO: 'true' }).POLKU_DEMO).toBe(true);
    });

    it('should refuse demo mode in production', () => {
      expect(
        configErrorOf(GatewayConfig, {
          ...production,
          AUTH_ISSUER: 'https://login.kainuu.example/realms/polku',
          POLKU_DEMO: 'true',
        }).message,
      ).toContain('POLKU_DEMO must not be true when NODE_ENV=production');
    });

    it('should refuse demo mode beside a real issuer', () => {
      expect(
        configErrorOf(GatewayConfig, {
          AUTH_ISSUER: 'https://login.kainuu.example/realms/polku',
          POLKU_DEMO: 'true',
        }).message,
      ).toContain('exclusive');
    });

    it('should refuse an http issuer in production', () => {
      expect(
        configErrorOf(GatewayConfig, {
          ...production,
          AUTH_ISSUER: 'http://login.kainuu.example/realms/polku',
        }).message,
      ).toContain('AUTH_ISSUER must be an https URL when NODE_ENV=production');
    });

    it('should refuse an http JWKS URL in production', () => {
      expect(
        configErrorOf(GatewayConfig, {
          ...production,
          AUTH_ISSUER: 'https://login.kainuu.example/realms/polku',
          AUTH_JWKS_URL: 'http://login.kainuu.example/certs',
        }).message,
      ).toContain('AUTH_JWKS_URL must be an https URL when NODE_ENV=production');
    });

    it.each(['http://127.0.0.1:8080/realms/polku', 'http://localhost/realms/polku'])(
      'should accept a loopback http issuer in production: %s',
      (issuer) => {
        expect(loadConfig(GatewayConfig, { ...production, AUTH_ISSUER: issuer }).AUTH_ISSUER).toBe(
          issuer,
        );
      },
    );

    it('should accept an http issuer outside production', () => {
      const issuer = 'http://keycloak:8080/realms/polku';
      expect(loadConfig(GatewayConfig, { AUTH_ISSUER: issuer }).AUTH_ISSUER).toBe(issuer);
    });
  });

  describe('IDEMPOTENCY_FINGERPRINT_KEY', () => {
    const issuer = 'https://login.kainuu.example/realms/polku';

    it('should refuse the public development key in production, without printing a key', () => {
      const error = configErrorOf(GatewayConfig, { NODE_ENV: 'production', AUTH_ISSUER: issuer });
      expect(error.message).toContain('IDEMPOTENCY_FINGERPRINT_KEY must be a key of your own');
      expect(error.message).not.toContain(
        loadConfig(GatewayConfig, {}).IDEMPOTENCY_FINGERPRINT_KEY,
      );
    });

    it('should refuse a key shorter than 32 bytes', () => {
      expect(
        configErrorOf(GatewayConfig, {
          IDEMPOTENCY_FINGERPRINT_KEY: Buffer.alloc(16, 1).toString('base64'),
        }).message,
      ).toContain('at least 32 bytes');
    });
  });

  describe('IDENTITY_ENCRYPTION_KEYS and IDENTITY_HASH_KEY', () => {
    // Keys of our own, as an operator would make them with openssl rand -base64 32.
    const ownKey = (fill: number) => Buffer.alloc(32, fill).toString('base64');
    const production = {
      NODE_ENV: 'production',
      IDENTITY_ENCRYPTION_KEYS: `k2:${ownKey(2)},k1:${ownKey(1)}`,
      IDENTITY_HASH_KEY: ownKey(9),
      ...OWN_INTERNAL_TOKEN_KEYS,
    };

    it('should give the development keys when client-intake starts outside production without them', () => {
      const config = loadConfig(ClientIntakeConfig, { NODE_ENV: 'test' });

      expect(config.IDENTITY_ENCRYPTION_KEYS).toBe(DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS);
      expect(config.IDENTITY_HASH_KEY).toBe(DEVELOPMENT_IDENTITY_HASH_KEY);
      expect(config.identityKeys().map((entry) => entry.id)).toEqual(['dev-only']);
    });

    it('should refuse to start in production when neither key variable is set', () => {
      const error = configErrorOf(ClientIntakeConfig, {
        NODE_ENV: 'production',
        ...OWN_INTERNAL_TOKEN_KEYS,
      });

      expect(error.problems).toEqual([
        expect.stringContaining('IDENTITY_ENCRYPTION_KEYS must hold keys of your own'),
        expect.stringContaining('IDENTITY_HASH_KEY must be a key of your own'),
      ]);
    });

    it('should refuse to start in production when the variables are set to the development defaults', () => {
      const error = configErrorOf(ClientIntakeConfig, {
        NODE_ENV: 'production',
        IDENTITY_ENCRYPTION_KEYS: DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS,
        IDENTITY_HASH_KEY: DEVELOPMENT_IDENTITY_HASH_KEY,
        ...OWN_INTERNAL_TOKEN_KEYS,
      });

      expect(error.problems).toHaveLength(2);
      expect(error.message).not.toContain(DEVELOPMENT_IDENTITY_HASH_KEY);
    });

    it('should refuse to start in production when the development key is kept as an old key under another id', () => {
      const developmentKey = DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS.split(':')[1];
      const error = configErrorOf(ClientIntakeConfig, {
        ...production,
        IDENTITY_ENCRYPTION_KEYS: `k2:${ownKey(2)},old:${developmentKey}`,
      });

      expect(error.problems).toEqual([
        expect.stringContaining('IDENTITY_ENCRYPTION_KEYS must hold keys of your own'),
      ]);
    });

    it('should accept keys of its own in production, the first one active', () => {
      const config = loadConfig(ClientIntakeConfig, production);

      expect(config.identityKeys()).toEqual([
        { id: 'k2', key: Buffer.alloc(32, 2) },
        { id: 'k1', key: Buffer.alloc(32, 1) },
      ]);
      expect(config.identityHashKey()).toEqual(Buffer.alloc(32, 9));
    });

    it('should refuse the hash key when it is also an encryption key', () => {
      const error = configErrorOf(ClientIntakeConfig, {
        ...production,
        IDENTITY_HASH_KEY: ownKey(1),
      });

      expect(error.problems).toEqual([
        'IDENTITY_HASH_KEY must differ from every key in IDENTITY_ENCRYPTION_KEYS',
      ]);
    });

    it.each([
      ['a key of 31 bytes', `k1:${Buffer.alloc(31, 7).toString('base64')}`],
      ['a key that is not base64', `k1:${'!'.repeat(44)}`],
      ['an entry without a key id', ownKey(7)],
    ])(
      'should name the variable and never quote the key when IDENTITY_ENCRYPTION_KEYS has %s',
      (_case, value) => {
        const error = configErrorOf(ClientIntakeConfig, { IDENTITY_ENCRYPTION_KEYS: value });

        expect(error.problems).toEqual([expect.stringContaining('IDENTITY_ENCRYPTION_KEYS')]);
        expect(error.message).not.toContain(value.slice(value.indexOf(':') + 1));
      },
    );

    it('should write no key material to stderr when client-intake refuses to start', () => {
      const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
        throw new ExitCalled(code);
      });
      const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const shortHashKey = Buffer.alloc(16, 5).toString('base64');

      expect(() =>
        loadConfigOrExit(ClientIntakeConfig, 'client-intake', {
          NODE_ENV: 'production',
          IDENTITY_HASH_KEY: shortHashKey,
        }),
      ).toThrow(ExitCalled);

      expect(exit).toHaveBeenCalledWith(78);
      const written = String(write.mock.calls[0][0]);
      expect(written).toContain('IDENTITY_HASH_KEY must be base64 of at least 32 bytes');
      expect(written).not.toContain(shortHashKey);
      expect(written).not.toContain(DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS.split(':')[1]);
    });
  });

  describe('HTTP_PORT', () => {
    // Whole numbers are reported as the number they were read as, anything else quoted.
    it.each([
      ['80a', '"80a"'],
      ['70000', '70000'],
      ['0', '0'],
      ['-1', '-1'],
      ['3000.5', '"3000.5"'],
      ['', '""'],
    ])('should throw a ConfigError naming HTTP_PORT when it is %j', (value, shown) => {
      const error = configErrorOf(GatewayConfig, { HTTP_PORT: value });

      expect(error.problems).toEqual([
        `HTTP_PORT must be a whole number from 1 to 65535, got ${shown}`,
      ]);
      expect(error.message).toContain('HTTP_PORT');
    });

    it.each([
      ['1', 1],
      ['65535', 65535],
      [' 8080 ', 8080],
    ])('should accept the port when it is %j', (value, expected) => {
      expect(loadConfig(GatewayConfig, { HTTP_PORT: value }).HTTP_PORT).toBe(expected);
    });
  });

  describe('DATABASE_MIGRATIONS_RUN', () => {
    it.each(['yes', 'TRUE', '1', ''])(
      'should throw a ConfigError naming it when it is %j',
      (value) => {
        const error = configErrorOf(ServiceConfig, { DATABASE_MIGRATIONS_RUN: value });

        expect(error.problems).toEqual([
          `DATABASE_MIGRATIONS_RUN must be true or false, got ${JSON.stringify(value)}`,
        ]);
      },
    );

    it.each([
      [true, 'true'],
      [false, 'false'],
    ])('should give the boolean %s when it is %j', (expected, value) => {
      expect(
        loadConfig(ServiceConfig, { DATABASE_MIGRATIONS_RUN: value }).DATABASE_MIGRATIONS_RUN,
      ).toBe(expected);
    });
  });

  describe('NATS_URL', () => {
    it('should accept the list when it is two comma-separated nats:// URLs', () => {
      const servers = 'nats://10.0.0.1:4222, nats://10.0.0.2:4222';

      expect(loadConfig(ServiceConfig, { NATS_URL: servers }).NATS_URL).toBe(servers);
    });

    it.each([
      'http://x',
      'nats://127.0.0.1:4222,http://x',
      'nats://127.0.0.1:4222,',
      'localhost:4222',
    ])('should throw a ConfigError naming NATS_URL when it is %j', (value) => {
      const error = configErrorOf(ServiceConfig, { NATS_URL: value });

      expect(error.problems).toEqual([expect.stringContaining('NATS_URL')]);
      expect(error.message).toContain(JSON.stringify(value));
    });
  });

  describe('NATS_NAMESPACE', () => {
    it('should accept the namespace when it is empty', () => {
      expect(loadConfig(ServiceConfig, { NATS_NAMESPACE: '' }).NATS_NAMESPACE).toBe('');
    });

    it('should accept the namespace when it is lower-case letters, digits and dashes', () => {
      expect(loadConfig(ServiceConfig, { NATS_NAMESPACE: 't-abc-12' }).NATS_NAMESPACE).toBe(
        't-abc-12',
      );
    });

    it.each(['Bad_NS', 'a.b', '1abc', 'a'.repeat(41)])(
      'should throw a ConfigError naming NATS_NAMESPACE when it is %j',
      (value) => {
        const error = configErrorOf(ServiceConfig, { NATS_NAMESPACE: value });

        expect(error.problems).toEqual([expect.stringContaining('NATS_NAMESPACE')]);
        expect(error.message).toContain(JSON.stringify(value));
      },
    );
  });

  describe('several problems', () => {
    it('should name every bad variable in problems and in one line when two are bad', () => {
      const error = configErrorOf(GatewayConfig, { HTTP_PORT: '80a', NATS_NAMESPACE: 'Bad_NS' });

      expect(error.problems).toHaveLength(2);
      expect(error.problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('HTTP_PORT'),
          expect.stringContaining('NATS_NAMESPACE'),
        ]),
      );
      expect(error.message).toMatch(/^invalid configuration: /);
      expect(error.message).toContain('HTTP_PORT');
      expect(error.message).toContain('NATS_NAMESPACE');
      expect(error.message).not.toMatch(/[\r\n]/);
    });
  });
});

describe('loadConfigOrExit', () => {
  function spyOnExitAndStderr() {
    const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new ExitCalled(code);
    });
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return { exit, write };
  }

  it('should write exactly one line to stderr and exit 78 when a variable is bad', () => {
    const { exit, write } = spyOnExitAndStderr();

    let thrown: unknown;
    try {
      loadConfigOrExit(GatewayConfig, 'gateway', { HTTP_PORT: '80a', NATS_URL: 'http://x' });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ExitCalled);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(78);
    expect(write).toHaveBeenCalledTimes(1);
    const written = String(write.mock.calls[0][0]);
    expect(written).toMatch(/^polku gateway: invalid configuration: [^\n]*\n$/);
    expect(written).toContain('HTTP_PORT must be a whole number from 1 to 65535, got "80a"');
    expect(written).toContain('NATS_URL');
  });

  it('should return the config without writing or exiting when the environment is valid', () => {
    const { exit, write } = spyOnExitAndStderr();

    const config = loadConfigOrExit(ServiceConfig, 'client-intake', { LOG_LEVEL: 'debug' });

    expect(config.LOG_LEVEL).toBe('debug');
    expect(exit).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });
});

describe('configuration errors and secrets', () => {
  it('should mask the password when it quotes a malformed DATABASE_URL', () => {
    expect(() =>
      loadConfig(ServiceConfig, { DATABASE_URL: 'postgres://polku:s3cret@db:5432:bad/polku' }),
    ).toThrow(/got "postgres:\/\/\*\*\*@db:5432:bad\/polku"/);
    try {
      loadConfig(ServiceConfig, { DATABASE_URL: 'postgres://polku:s3cret@db:5432:bad/polku' });
    } catch (error) {
      expect(String(error)).not.toContain('s3cret');
    }
  });
});
