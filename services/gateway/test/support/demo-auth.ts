import type { INestApplication } from '@nestjs/common';
import { GatewayConfig } from '@polku/config';
import { DevIssuer } from '../../src/auth/dev-issuer';

/** An Authorization header with a demo issuer token for a seeded Kainuu user. */
export async function demoAuthHeader(
  app: INestApplication,
  username = 'tiina.tyollisyys',
): Promise<{ authorization: string }> {
  const { token } = await app.get(DevIssuer).issue(username, app.get(GatewayConfig).AUTH_AUDIENCE);
  return { authorization: `Bearer ${token}` };
}
