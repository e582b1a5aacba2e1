import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { envVarsOf } from './env-var.decorator';

/** Thrown when the environment does not describe a runnable configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

function firstMessage(error: ValidationError): string {
  const messages = Object.values(error.constraints ?? {});
  return messages[0] ?? `${error.property} is invalid`;
}

/**
 * Reads, defaults and validates the variables a config class declares.
 * Unknown variables are ignored: the environment is shared with the OS and other tools.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const raw: Record<string, string | undefined> = {};
  for (const variable of envVarsOf(configClass)) {
    raw[variable.name] = env[variable.name] ?? variable.default;
  }
  const config = plainToInstance(configClass, raw);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(errors.map(firstMessage));
  }
  return config;
}

/**
 * Loads configuration for a process entry point. A bad value stops the process with exactly one
 * line on stderr that names the variable, so an operator sees the cause without reading a trace.
 */
export function loadConfigOrExit<T extends object>(
  configClass: new () => T,
  processName: string,
  env: NodeJS.ProcessEnv = process.env,
): T {
  try {
    return loadConfig(configClass, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`polku ${processName}: ${error.message}\n`);
      // 78 is EX_CONFIG from sysexits.h: supervisors can tell "fix the config" from a crash.
      process.exit(78);
    }
    throw error;
  }
}
