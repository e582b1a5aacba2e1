import { CONTEXT_OF_SERVICE, type ServiceName } from '../services';

/** Whether a dependency answered its health check. */
export type DependencyStatus = 'up' | 'down';

/** The state of one thing a service depends on. */
export interface DependencyHealth {
  /** up when the dependency answered within the check's timeout. */
  readonly status: DependencyStatus;
  /** Round-trip time of the check, when it answered. */
  readonly latencyMs?: number;
  /** Why it is down, in words an operator can act on. Never contains client data. */
  readonly detail?: string;
}

/** The state of the service's own database. */
export interface DatabaseHealth extends DependencyHealth {
  /** The service's own database name. */
  readonly database: string;
  /** true while migrations that the code knows of are not applied yet. */
  readonly migrationsPending?: boolean;
}

/** Events written but not yet confirmed stored by JetStream. */
export interface OutboxHealth extends DependencyHealth {
  readonly backlog?: number;
  /** Age of the oldest unpublished event, in ms; grows while NATS is unreachable. */
  readonly oldestAgeMs?: number;
}

/**
 * The simulated clock a process runs on for demo data (docs/adr/0018-simulated-clock-for-demo-data.md):
 * its `new Date()` is real time + offsetMs. Absent from a process on the real clock.
 */
export interface ClockHealth {
  readonly simulated: true;
  /** Simulated minus real time, in ms, as this process applies it now. */
  readonly offsetMs: number;
  /** The clock file's revision it applied. */
  readonly revision: number;
}

/** What a service answers on its health subject. */
export interface ServiceHealthReport {
  readonly service: ServiceName;
  /** up when every dependency is up. */
  readonly status: DependencyStatus;
  readonly version: string;
  /** Distinguishes replicas of the same service. */
  readonly instanceId: string;
  readonly startedAt: string;
  readonly uptimeSeconds: number;
  readonly checks: {
    readonly database: DatabaseHealth;
    readonly nats: DependencyHealth;
    readonly outbox: OutboxHealth;
  };
  /** Only on a simulated clock (demo data). */
  readonly clock?: ClockHealth;
}

/**
 * Request/reply subject on which a service answers with its ServiceHealthReport.
 * Requests live under `polku-rpc.`, never under `polku.`: the event stream captures `polku.>`,
 * and JetStream answers any request published onto a stream subject with a PubAck.
 */
export function healthSubject(service: ServiceName): string {
  return `polku-rpc.${CONTEXT_OF_SERVICE[service]}.health.v1`;
}
