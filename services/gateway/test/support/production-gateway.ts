import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isolatedTestEnv, testGatewayConfig, testNatsSeed } from '@polku/testing';
import { createGatewayApp } from './test-gateway-app';
import type { OidcTestIssuer } from './oidc-test-issuer';

/** A key of our own, as production requires (never the development default). */
export const PRODUCTION_FINGERPRINT_KEY = Buffer.alloc(32, 5).toString('base64');

/** An internal-token signing key of our own (an Ed25519 key made for these tests only). */
export const PRODUCTION_INTERNAL_TOKEN_SIGNING_KEY =
  'test-prod:MC4CAQAwBQYDK2VwBCIEIMSWbYtTfYgU+xxOZ3hz9YeNgNH9ens2jlvy4kxR1/a+';

/**
 * The gateway as deployed: NODE_ENV=production, tokens of a real OIDC issuer, no test
 * controllers, so its routes are exactly the production API. Initialised, not listening.
 */
export async function startProductionGateway(
  issuer: OidcTestIssuer,
  overrides: Record<string, string> = {},
): Promise<NestFastifyApplication> {
  const gateway = await createGatewayApp({
    config: testGatewayConfig(
      isolatedTestEnv({
        NODE_ENV: 'production',
        // Production connects as its own NATS user, over TLS (the test server's CA).
        NATS_NKEY_SEED: testNatsSeed('gateway'),
        AUTH_ISSUER: issuer.url,
        IDEMPOTENCY_FINGERPRINT_KEY: PRODUCTION_FINGERPRINT_KEY,
        INTERNAL_TOKEN_SIGNING_KEY: PRODUCTION_INTERNAL_TOKEN_SIGNING_KEY,
        // Seeded events reach the access projection quickly.
        OUTBOX_POLL_INTERVAL_MS: '50',
        ...overrides,
      }),
    ),
    logger: false,
  });
  await gateway.init();
  return gateway;
}
