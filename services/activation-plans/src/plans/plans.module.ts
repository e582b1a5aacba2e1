import { Module } from '@nestjs/common';
import { ActivationPlansConfigModule } from '../config/activation-plans-config.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { PlanAgreementService } from './plan-agreement.service';
import { PlanRevisionService } from './plan-revision.service';
import { PlansHandler } from './plans.handler';

/** One activation plan per path: agreeing it, revising it, its versions and linked plans. */
@Module({
  imports: [ActivationPlansConfigModule, ReviewsModule],
  controllers: [PlansHandler],
  providers: [PlanAgreementService, PlanRevisionService],
})
export class PlansModule {}
