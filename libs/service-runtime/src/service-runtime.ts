import { randomUUID } from 'node:crypto';
import type { ServiceName } from '@polku/contracts';
import type { ServiceConfig } from '@polku/config';
import type { NatsLink } from '@polku/messaging';

/** polku's release version, reported by health checks. */
export const POLKU_VERSION = '0.1.0';

/** What a running service process knows about itself; one per process. */
export class ServiceRuntime<TConfig extends ServiceConfig = ServiceConfig> {
  readonly instanceId = randomUUID();
  readonly startedAt = new Date();
  /** performance.now() at start: uptime is a duration, which a simulated clock must not bend. */
  readonly startedAtMonotonicMs = performance.now();

  constructor(
    readonly service: ServiceName,
    readonly config: TConfig,
    readonly nats: NatsLink,
  ) {}
}
