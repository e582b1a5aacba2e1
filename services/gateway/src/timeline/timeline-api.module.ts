import { Module } from '@nestjs/common';
import { ServiceClientModule } from '../service-client/service-client.module';
import { TimelineController } from './timeline.controller';

/** The gateway's endpoints for the shared timeline of network-meetings. */
@Module({ imports: [ServiceClientModule], controllers: [TimelineController] })
export class TimelineApiModule {}
