import { Module } from '@nestjs/common';
import { ClientsModule } from './clients/clients.module';
import { ConsentsModule } from './consents/consents.module';
import { IdentityModule } from './identity/identity.module';
import { IntakeModule } from './intake/intake.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReferralsModule } from './referrals/referrals.module';

/**
 * The client-intake service: referrals, client identity (only here, sealed), consent, intake
 * assessment, path creation and re-entry, one feature module each. Health, database and NATS
 * come from ServiceRuntimeModule.
 */
@Module({
  imports: [
    IdentityModule,
    OrganisationsModule,
    ClientsModule,
    ConsentsModule,
    ReferralsModule,
    IntakeModule,
  ],
})
export class AppModule {}
