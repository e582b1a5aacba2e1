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
export { AUTOSTART_MODES, LauncherConfig, type AutostartMode } from './launcher.config';
export { renderConfigurationDoc } from './configuration-doc';
