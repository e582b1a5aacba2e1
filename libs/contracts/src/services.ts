/** Every deployable service of polku, by its directory name under services/. */
export const SERVICE_NAMES = [
  'gateway',
  'client-intake',
  'activation-plans',
  'network-meetings',
  'transitions',
  'dashboards',
  'work-queue',
] as const;

/** One of {@link SERVICE_NAMES}. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The services behind the gateway; the gateway asks each of them over NATS. */
export const BACKEND_SERVICE_NAMES = SERVICE_NAMES.filter(
  (name): name is Exclude<ServiceName, 'gateway'> => name !== 'gateway',
);

/** One of {@link BACKEND_SERVICE_NAMES}. */
export type BackendServiceName = (typeof BACKEND_SERVICE_NAMES)[number];

/**
 * The bounded context a service owns: the second token of its subjects,
 * as in `polku.<context>.<aggregate>.<event>.v1`.
 */
export const CONTEXT_OF_SERVICE: Readonly<Record<ServiceName, string>> = {
  gateway: 'gateway',
  'client-intake': 'intake',
  'activation-plans': 'plans',
  'network-meetings': 'meetings',
  transitions: 'transitions',
  dashboards: 'dashboards',
  'work-queue': 'work',
};
