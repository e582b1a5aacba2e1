import { Module } from '@nestjs/common';
import { PathsModule } from '../paths/paths.module';
import { ExitsHandler } from './exits.handler';
import { ExitsService } from './exits.service';

/** Recording a client's exit (which schedules the follow-ups) and closing the path. */
@Module({
  imports: [PathsModule],
  controllers: [ExitsHandler],
  providers: [ExitsService],
})
export class ExitsModule {}
