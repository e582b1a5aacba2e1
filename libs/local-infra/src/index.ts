export {
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type RunningPostgres,
} from './embedded-postgres';
export {
  ensureNats,
  ensurePostgres,
  type EnsuredServer,
  type EnsureOptions,
  type InfraSource,
} from './ensure-infrastructure';
export { findFreePort, isPortOpen, waitForPort } from './free-port';
export {
  findNatsServerBinary,
  NATS_INSTALL_HINT,
  startNatsServer,
  stopChild,
  type NatsServerOptions,
  type RunningNats,
} from './nats-server';
export {
  ServiceSupervisor,
  type ServiceSupervisorOptions,
  type SupervisedExit,
} from './service-supervisor';
