import { generateKeyPairSync } from 'node:crypto';
import { GatewayConfig, loadConfig } from '@polku/config';
import { createGatewayApp } from '../create-gateway-app';
import { createOpenApiDocument, openApiJson } from './openapi-document';

// A configured issuer keeps the demo issuer's routes (never in production) out of the document.
// The servers are unreachable on purpose: should building the document ever try to connect,
// generation fails instead of quietly needing PostgreSQL or NATS.
const DOCUMENTED_ENV = {
  NODE_ENV: 'production',
  AUTH_ISSUER: 'https://issuer.invalid/realms/polku',
  // Any key of our own: production refuses the development one; the document never uses it.
  IDEMPOTENCY_FINGERPRINT_KEY: Buffer.alloc(32, 5).toString('base64'),
  DATABASE_URL: 'postgres://openapi@127.0.0.1:1/none',
  DATABASE_CONNECT_RETRIES: '0',
  NATS_URL: 'nats://127.0.0.1:1',
};

/**
 * docs/openapi.json: the document of the production gateway, built from its module graph in
 * Nest's preview mode, so neither PostgreSQL nor NATS is needed.
 */
export async function renderOpenApiJson(): Promise<string> {
  // A throw-away internal-token key, for the same reason as the fingerprint key.
  const { privateKey } = generateKeyPairSync('ed25519');
  const signingKey = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  const config = loadConfig(GatewayConfig, {
    ...DOCUMENTED_ENV,
    INTERNAL_TOKEN_SIGNING_KEY: `openapi:${signingKey}`,
  });
  const app = await createGatewayApp({ config, logger: false, preview: true });
  try {
    return openApiJson(createOpenApiDocument(app));
  } finally {
    await app.close();
  }
}
