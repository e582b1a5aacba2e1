import 'reflect-metadata';

/** How one environment variable is documented and defaulted. */
export interface EnvVarOptions {
  /** One sentence for the configuration table in docs/configuration.md. */
  readonly description: string;
  /** Used when the variable is unset. Omit for variables that must be given. */
  readonly default?: string;
  /**
   * A key or password: the docs show that a development-only default exists, never the value.
   * Validators of secret variables must not quote the value either.
   */
  readonly secret?: boolean;
}

/** One declared environment variable: its name, documentation and the property it fills. */
export interface EnvVarDefinition extends EnvVarOptions {
  readonly name: string;
}

const ENV_VARS = Symbol('polku:env-vars');

/**
 * Marks a config class property as read from the environment variable of the same name.
 * The property name is the variable name, so the docs, the error messages and the code agree.
 */
export function EnvVar(options: EnvVarOptions): PropertyDecorator {
  return (target, propertyKey) => {
    const existing: EnvVarDefinition[] = Reflect.getMetadata(ENV_VARS, target) ?? [];
    Reflect.defineMetadata(
      ENV_VARS,
      [...existing, { ...options, name: String(propertyKey) }],
      target,
    );
  };
}

/** Every variable a config class reads, its base classes' first. */
export function envVarsOf(configClass: abstract new () => object): EnvVarDefinition[] {
  const all: EnvVarDefinition[] = Reflect.getMetadata(ENV_VARS, configClass.prototype) ?? [];
  const seen = new Set<string>();
  return all.filter((definition) => !seen.has(definition.name) && seen.add(definition.name));
}
