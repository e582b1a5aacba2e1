import { Module } from '@nestjs/common';
import { ActivationPlansConfig } from '@polku/config';
import { ACTIVATION_PLANS_CONFIG_PROVIDER } from './activation-plans-config';

/** ActivationPlansConfig by type, for the features that read the legal parameters and policy. */
@Module({
  providers: [ACTIVATION_PLANS_CONFIG_PROVIDER],
  exports: [ActivationPlansConfig],
})
export class ActivationPlansConfigModule {}
