import type { BackendServiceName, DependencyStatus, ServiceHealthReport } from '@polku/contracts';

/** A service that did not answer: only the reason is known. */
export interface UnreachableService {
  readonly service: BackendServiceName;
  readonly status: 'down';
  readonly detail: string;
}

/** GET /health: the gateway's own dependencies and every service behind it. */
export interface SystemHealth {
  /** up only when the gateway and every service are up. */
  readonly status: DependencyStatus;
  readonly checkedAt: string;
  readonly gateway: ServiceHealthReport;
  readonly services: Readonly<Record<BackendServiceName, ServiceHealthReport | UnreachableService>>;
}

/** GET /health and /health/live, as the public sees them: up or down, nothing more. */
export interface PublicHealth {
  readonly status: DependencyStatus;
}
