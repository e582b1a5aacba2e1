import { SERVICE_NAMES, type ServiceName } from '@polku/contracts';

/** The identity that creates streams and durable consumers; no service may (docs/security.md). */
export const PROVISIONER = 'provisioner';
/** The identity of operator commands: redrive republishes dead letters, rebuild deletes durables. */
export const OPERATOR = 'operator';
/**
 * Test tools only (stream readers, forged publishers, redrive in tests): may do anything. It
 * exists only in the configuration of the test server, never in one for `npm start` or a
 * deployment.
 */
export const TEST_TOOLS = 'test-tools' as const;

/** Every NATS user of an installation: each service (the gateway too) and the two operators. */
export const BUS_IDENTITIES = [...SERVICE_NAMES, PROVISIONER, OPERATOR] as const;

/** One of {@link BUS_IDENTITIES}, or the test server's {@link TEST_TOOLS}. */
export type BusIdentity = ServiceName | typeof PROVISIONER | typeof OPERATOR | typeof TEST_TOOLS;

/** Whether a name is one of the installation's identities (test tools excluded). */
export function isBusIdentity(name: string): name is (typeof BUS_IDENTITIES)[number] {
  return (BUS_IDENTITIES as readonly string[]).includes(name);
}

/**
 * The prefix of an identity's reply inboxes, `_INBOX_<identity>`: the client sets it
 * (inboxPrefix) and the server lets only that identity subscribe below it, so no process
 * reads the replies meant for another.
 */
export function inboxPrefixOf(identity: BusIdentity): string {
  return `_INBOX_${identity.replace(/-/g, '_')}`;
}
