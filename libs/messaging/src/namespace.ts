/**
 * Puts an installation's namespace in front of a subject or stream name, so several
 * installations (or parallel test runs) can share one NATS server without seeing each other.
 * An empty namespace leaves the wire names exactly as the contracts define them.
 */
export function namespacedSubject(namespace: string, subject: string): string {
  return namespace ? `${namespace}.${subject}` : subject;
}

/** Stream names allow no dots; the namespace becomes an upper-case prefix. */
export function namespacedStreamName(namespace: string, stream: string): string {
  return namespace ? `${namespace.replace(/-/g, '_').toUpperCase()}_${stream}` : stream;
}
