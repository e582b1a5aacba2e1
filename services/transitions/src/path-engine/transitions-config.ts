import { ServiceConfig, TransitionsConfig } from '@polku/config';

/** The ServiceConfig provider's instance as the TransitionsConfig it must be. */
export function transitionsConfigOf(config: ServiceConfig): TransitionsConfig {
  if (!(config instanceof TransitionsConfig)) {
    throw new Error(
      'transitions needs a TransitionsConfig: start it with bootstrapService({ configClass: TransitionsConfig }), and tests with configClass: TransitionsConfig',
    );
  }
  return config;
}

/** Provides TransitionsConfig itself, so providers inject the path's intervals by type. */
export const TRANSITIONS_CONFIG_PROVIDER = {
  provide: TransitionsConfig,
  inject: [ServiceConfig],
  useFactory: transitionsConfigOf,
};
