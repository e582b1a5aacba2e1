import type { GatewayConfig } from './gateway.config';

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Why a URL the gateway fetches signing keys from is not safe in production, or undefined.
 * Keys fetched over plain HTTP can be swapped on the way, and with them every token: production
 * needs https. A loopback address is the one exception, as it never leaves the machine (an
 * identity provider's sidecar, the tests' issuer).
 */
export function insecureKeySourceProblem(
  config: GatewayConfig,
  name: 'AUTH_ISSUER' | 'AUTH_JWKS_URL',
): string | undefined {
  const value = config[name];
  if (config.NODE_ENV !== 'production' || typeof value !== 'string' || value === '') {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined; // the URL rule names it
  }
  if (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname))
  ) {
    return undefined;
  }
  return `${name} must be an https URL when NODE_ENV=production (keys fetched over plain HTTP can be swapped), got ${JSON.stringify(value)}`;
}

/**
 * Why POLKU_DEMO cannot be as set, or undefined. The demo issuer signs a token for anyone who
 * asks, so it runs only when switched on explicitly, never in production, and never beside a
 * real issuer (a gateway would then trust two).
 */
export function demoModeProblem(config: GatewayConfig): string | undefined {
  if (config.POLKU_DEMO !== true) {
    return undefined;
  }
  if (config.NODE_ENV === 'production') {
    return 'POLKU_DEMO must not be true when NODE_ENV=production: the demo issuer signs a token for anyone';
  }
  if (config.AUTH_ISSUER !== '') {
    return 'POLKU_DEMO=true and AUTH_ISSUER are exclusive: set one issuer, the demo one or a real one';
  }
  return undefined;
}
