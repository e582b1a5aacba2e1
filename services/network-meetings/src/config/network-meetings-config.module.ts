import { Module } from '@nestjs/common';
import { NetworkMeetingsConfig } from '@polku/config';
import { NETWORK_MEETINGS_CONFIG_PROVIDER } from './network-meetings-config';

/** NetworkMeetingsConfig by type, for the features that read the escalation policy and the timeline limits. */
@Module({
  providers: [NETWORK_MEETINGS_CONFIG_PROVIDER],
  exports: [NetworkMeetingsConfig],
})
export class NetworkMeetingsConfigModule {}
