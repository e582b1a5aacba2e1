import { ActivationPlansConfig, ServiceConfig } from '@polku/config';

/** The ServiceConfig provider's instance as the ActivationPlansConfig it must be. */
export function activationPlansConfigOf(config: ServiceConfig): ActivationPlansConfig {
  if (!(config instanceof ActivationPlansConfig)) {
    throw new Error(
      'activation-plans needs an ActivationPlansConfig: start it with bootstrapService({ configClass: ActivationPlansConfig }), and tests with configClass: ActivationPlansConfig',
    );
  }
  return config;
}

/** Provides ActivationPlansConfig itself, so handlers inject the legal parameters by type. */
export const ACTIVATION_PLANS_CONFIG_PROVIDER = {
  provide: ActivationPlansConfig,
  inject: [ServiceConfig],
  useFactory: activationPlansConfigOf,
};
