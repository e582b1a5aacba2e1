import { NetworkMeetingsConfig, ServiceConfig } from '@polku/config';

/** The ServiceConfig provider's instance as the NetworkMeetingsConfig it must be. */
export function networkMeetingsConfigOf(config: ServiceConfig): NetworkMeetingsConfig {
  if (!(config instanceof NetworkMeetingsConfig)) {
    throw new Error(
      'network-meetings needs a NetworkMeetingsConfig: start it with bootstrapService({ configClass: NetworkMeetingsConfig }), and tests with configClass: NetworkMeetingsConfig',
    );
  }
  return config;
}

/** Provides NetworkMeetingsConfig itself, so features inject the escalation policy and the timeline limits by type. */
export const NETWORK_MEETINGS_CONFIG_PROVIDER = {
  provide: NetworkMeetingsConfig,
  inject: [ServiceConfig],
  useFactory: networkMeetingsConfigOf,
};
