export {
  bootstrapService,
  createServiceApp,
  type BootstrapServiceOptions,
} from './bootstrap-service';
export { clockHealth, installClockOfConfig } from './clock/service-clock';
export { exitGracefullyOnSignals } from './graceful-shutdown';
export { ServiceHealthService } from './health/service-health.service';
export { POLKU_VERSION, ServiceRuntime } from './service-runtime';
export { ServiceRuntimeModule, type ServiceRuntimeModuleOptions } from './service-runtime.module';
export { EventBackbone } from './messaging/event-backbone';
export {
  isOperatorCommand,
  OPERATOR_COMMANDS,
  parseOperatorArgs,
  runOperatorCommand,
  type OperatorCommand,
} from './operator-commands';
export {
  runServiceCommand,
  type ServiceCommand,
  type ServiceCommandContext,
} from './service-commands';
export {
  RequestCaller,
  requestCaller,
  RequestPrincipal,
  requestPrincipal,
  SystemCallerRefusedError,
  UnauthenticatedRequestError,
} from './access/request-principal';
export { PathNotVisibleError } from './access/path-not-visible.error';
export {
  CommandConflictError,
  CommandError,
  CommandValidationError,
  ForbiddenCommandError,
  NotFoundError,
  PathStateConflictError,
  RuleViolationError,
  validateCommand,
  type RuleViolation,
} from './commands/command-errors';
export { reservedFieldsIn, type ReservedField } from './commands/reserved-fields';
export { requirePage, type ServicePage } from './commands/page-request';
export {
  requireEmptyBody,
  requireExpectedVersion,
  requireItemId,
  requireOrgId,
  requirePathId,
  type OrganisationRequest,
  type PathItemRequest,
  type PathRequest,
  type VersionedPathRequest,
} from './commands/path-request';
