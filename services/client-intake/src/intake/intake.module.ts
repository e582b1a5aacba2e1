import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { IntakePathAccessModule } from '../shared/intake-path-access.module';
import { IntakeAssessmentService } from './intake-assessment.service';
import { IntakeHandler } from './intake.handler';
import { ParallelServiceService } from './parallel-service.service';

/** The intake assessment with its action items, and referrals to parallel services. */
@Module({
  imports: [IntakePathAccessModule, OrganisationsModule],
  controllers: [IntakeHandler],
  providers: [IntakeAssessmentService, ParallelServiceService],
})
export class IntakeModule {}
