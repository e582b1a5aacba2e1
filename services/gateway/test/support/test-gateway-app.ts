import { provisionTestBus } from '@polku/testing';
import { createGatewayApp as createApp } from '../../src/create-gateway-app';

/**
 * createGatewayApp after the provisioning step npm start runs first: the test namespace's
 * streams and durables exist before the gateway binds to them (its NATS user may not create
 * them, docs/security.md).
 */
export async function createGatewayApp(
  options: Parameters<typeof createApp>[0],
): ReturnType<typeof createApp> {
  if (options.preview !== true) {
    await provisionTestBus(options.config);
  }
  return createApp(options);
}
