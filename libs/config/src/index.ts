export { EnvVar, envVarsOf, type EnvVarDefinition, type EnvVarOptions } from './env-var.decorator';
export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
export {
  LOG_FORMATS,
  LOG_LEVELS,
  NODE_ENVS,
  ServiceConfig,
  type LogFormat,
  type LogLevel,
  type NodeEnv,
} from './service.config';
export { GatewayConfig } from './gateway.config';
export { ClientIntakeConfig } from './client-intake.config';
export { ActivationPlansConfig, DEFAULT_KTT_LEGAL_SOURCE } from './activation-plans.config';
export { numberListOf, TransitionsConfig } from './transitions.config';
export { NetworkMeetingsConfig } from './network-meetings.config';
export { WorkQueueConfig } from './work-queue.config';
export {
  DEVELOPMENT_IDENTITY_ENCRYPTION_KEYS,
  DEVELOPMENT_IDENTITY_HASH_KEY,
  IDENTITY_ENCRYPTION_KEY_BYTES,
  IDENTITY_HASH_KEY_MIN_BYTES,
  IDENTITY_KEY_ID_PATTERN,
  IdentityKeyError,
  parseIdentityEncryptionKeys,
  parseIdentityHashKey,
  type IdentityEncryptionKey,
} from './identity-keys';
export { AUTOSTART_MODES, LauncherConfig, type AutostartMode } from './launcher.config';
export { renderConfigurationDoc } from './configuration-doc';
export {
  DEVELOPMENT_INTERNAL_TOKEN_KEY_ID,
  DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY,
  DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS,
  INTERNAL_TOKEN_KEY_ID_PATTERN,
  InternalTokenKeyError,
  parseInternalTokenSigningKey,
  parseInternalTokenVerifyKeys,
  type InternalTokenSigningKey,
  type InternalTokenVerifyKey,
} from './internal-token-keys';
