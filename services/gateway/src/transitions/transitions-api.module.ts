import { Module } from '@nestjs/common';
import { ServiceClientModule } from '../service-client/service-client.module';
import { ExitsController } from './exits.controller';
import { HandOffsController } from './hand-offs.controller';
import { OrganisationWatchController } from './organisation-watch.controller';
import { PathCourseController } from './path-course.controller';

/** The gateway's endpoints for transitions: hand-offs, exits, follow-ups, lost paths. */
@Module({
  imports: [ServiceClientModule],
  controllers: [
    PathCourseController,
    HandOffsController,
    ExitsController,
    OrganisationWatchController,
  ],
})
export class TransitionsApiModule {}
