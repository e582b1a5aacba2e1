import { Module } from '@nestjs/common';
import { PathAccessModule } from '../access/path-access.module';
import { ServiceClientModule } from '../service-client/service-client.module';
import { ClientIdentityController } from './client-identity.controller';
import { ConsentsController } from './consents.controller';
import { IntakeAssessmentController } from './intake-assessment.controller';
import { OrganisationsController } from './organisations.controller';
import { ReferralsController } from './referrals.controller';

/** The gateway's endpoints for client-intake: referrals, consents, the client, tasks. */
@Module({
  imports: [ServiceClientModule, PathAccessModule],
  controllers: [
    ReferralsController,
    ConsentsController,
    ClientIdentityController,
    IntakeAssessmentController,
    OrganisationsController,
  ],
})
export class IntakeApiModule {}
