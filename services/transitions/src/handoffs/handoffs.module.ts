import { Module } from '@nestjs/common';
import { PathsModule } from '../paths/paths.module';
import { HandoffsHandler } from './handoffs.handler';
import { HandoffsService } from './handoffs.service';

/** Proposing, accepting, declining and completing a hand-off of a path. */
@Module({
  imports: [PathsModule],
  controllers: [HandoffsHandler],
  providers: [HandoffsService],
})
export class HandoffsModule {}
