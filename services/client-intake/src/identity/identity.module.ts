import { Module } from '@nestjs/common';
import { ClientIntakeConfig, ServiceConfig } from '@polku/config';
import { IdentityCipher } from './identity-cipher';
import { IdentityHasher } from './identity-hasher';

/** The ServiceConfig provider's instance as the ClientIntakeConfig it must be. */
export function clientIntakeConfigOf(config: ServiceConfig): ClientIntakeConfig {
  if (!(config instanceof ClientIntakeConfig)) {
    throw new Error(
      'IdentityModule needs a ClientIntakeConfig: start client-intake with bootstrapService({ configClass: ClientIntakeConfig }), and tests with configClass: ClientIntakeConfig',
    );
  }
  return config;
}

/**
 * The identity cipher and hasher, keyed from IDENTITY_ENCRYPTION_KEYS and IDENTITY_HASH_KEY
 * (validated at start-up), and ClientIntakeConfig itself for the service's feature modules.
 */
@Module({
  providers: [
    { provide: ClientIntakeConfig, inject: [ServiceConfig], useFactory: clientIntakeConfigOf },
    {
      provide: IdentityCipher,
      inject: [ClientIntakeConfig],
      useFactory: (config: ClientIntakeConfig) => new IdentityCipher(config.identityKeys()),
    },
    {
      provide: IdentityHasher,
      inject: [ClientIntakeConfig],
      useFactory: (config: ClientIntakeConfig) => new IdentityHasher(config.identityHashKey()),
    },
  ],
  exports: [ClientIntakeConfig, IdentityCipher, IdentityHasher],
})
export class IdentityModule {}
