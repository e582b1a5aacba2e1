import { Module } from '@nestjs/common';
import { ServiceClientModule } from '../service-client/service-client.module';
import { ExitsController } from './exits.controller';
import { FollowUpOwnerController } from './follow-up-owner.controller';
import { HandoffsController } from './handoffs.controller';
import { OrganisationWatchController } from './organisation-watch.controller';
import { PathController } from './path.controller';

/** The gateway's endpoints for transitions: hand-offs, exits, follow-ups, lost paths. */
@Module({
  imports: [ServiceClientModule],
  controllers: [
    PathController,
    HandoffsController,
    ExitsController,
    FollowUpOwnerController,
    OrganisationWatchController,
  ],
})
export class TransitionsApiModule {}
