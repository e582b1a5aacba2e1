import { Module } from '@nestjs/common';
import { IntakePathFacts } from './access/intake-path-facts';
import { ClientRegistry } from './clients/client-registry';
import { ClientsHandler } from './clients/clients.handler';
import { ConsentsHandler } from './consents/consents.handler';
import { IdentityModule } from './identity/identity.module';
import { IntakeHandler } from './intake/intake.handler';
import { OrganisationDirectory } from './organisations/organisation-directory';
import { OrganisationsHandler } from './organisations/organisations.handler';
import { ReferralsHandler } from './referrals/referrals.handler';

/**
 * The client-intake service: referrals, client identity (only here, sealed), consent, intake
 * assessment, path creation and re-entry. Health, database and NATS come from
 * ServiceRuntimeModule.
 */
@Module({
  imports: [IdentityModule],
  controllers: [
    ReferralsHandler,
    ConsentsHandler,
    ClientsHandler,
    IntakeHandler,
    OrganisationsHandler,
  ],
  providers: [ClientRegistry, IntakePathFacts, OrganisationDirectory],
})
export class AppModule {}
