import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ConsentsModule } from '../consents/consents.module';
import { IdentityModule } from '../identity/identity.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { IntakePathAccessModule } from '../shared/intake-path-access.module';
import { PriorInformationHandler } from './prior-information.handler';
import { PriorInformationService } from './prior-information.service';
import { ReferralCreationService } from './referral-creation.service';
import { ReferralDecisionService } from './referral-decision.service';
import { ReferralLinkService } from './referral-link.service';
import { ReferralsHandler } from './referrals.handler';
import { ReferrerTaskService } from './referrer-task.service';
import { ReferrerTasksHandler } from './referrer-tasks.handler';

/**
 * Referrals and what travels with them: the prior information the receiver reads, and the
 * referrer's task when a referral is declined.
 */
@Module({
  imports: [
    IdentityModule,
    IntakePathAccessModule,
    OrganisationsModule,
    ClientsModule,
    ConsentsModule,
  ],
  controllers: [ReferralsHandler, PriorInformationHandler, ReferrerTasksHandler],
  providers: [
    ReferralCreationService,
    ReferralDecisionService,
    ReferralLinkService,
    PriorInformationService,
    ReferrerTaskService,
  ],
})
export class ReferralsModule {}
