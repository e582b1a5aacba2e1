import { connect } from '@nats-io/transport-node';
import type { NatsTlsFiles } from './nats-link';

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Throws when a NATS server accepts a client without credentials. Such a server checks no
 * permission at all, so a production process must not use it, even with a seed of its own
 * (an open server ignores the seed). A server that cannot be reached says nothing either way:
 * the real connection then waits for it as usual.
 */
export async function refuseAnonymousServer(
  servers: readonly string[],
  tls: NatsTlsFiles | undefined,
): Promise<void> {
  let accepted = false;
  try {
    const probe = await connect({
      servers: [...servers],
      name: 'polku-anonymous-probe',
      timeout: PROBE_TIMEOUT_MS,
      reconnect: false,
      ...(tls ? { tls: { ...tls } } : {}),
    });
    accepted = true;
    await probe.close();
  } catch {
    // Refused (the answer we want) or unreachable (nothing to learn yet).
  }
  if (accepted) {
    throw new Error(
      `the NATS server at ${servers.join(', ')} accepts clients without credentials: ` +
        'refusing to use it in production (configure its users, docs/security.md)',
    );
  }
}
