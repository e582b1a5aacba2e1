export {
  BUS_IDENTITIES,
  type BusIdentity,
  inboxPrefixOf,
  isBusIdentity,
  OPERATOR,
  PROVISIONER,
  TEST_TOOLS,
} from './identities';
export { CONSUMED_EVENT_SUBJECTS } from './consumed-subjects';
export {
  type BusPermissions,
  type NamespaceScope,
  permissionsOf,
  pullConsumerSubjects,
  requestSubjectsOf,
  SERVICE_DENIED_JS_API,
  type SubjectRules,
} from './permission-matrix';
export { type BusUser, renderAuthorization } from './server-config';
export {
  type BusKey,
  type BusKeySet,
  createBusKey,
  ensureKeyFile,
  seedFromKeyFile,
} from './key-file';
export { type NatsConnectionConfig, natsLinkOptionsFor, natsTlsOf } from './connection-options';
export {
  type ConsumerOf,
  consumersOf,
  provisionBus,
  type ProvisionBusOptions,
  type ProvisioningConfig,
} from './provision-bus';
export { writeServerConfig, type ServerConfigFiles } from './server-config-file';
