import { Module } from '@nestjs/common';
import { PathsModule } from '../paths/paths.module';
import { OwnershipHandler } from './ownership.handler';
import { OwnershipService } from './ownership.service';

/**
 * The path's responsible worker. The accountable organisation itself changes by a completed
 * hand-off (handoffs/), never by a command of its own.
 */
@Module({
  imports: [PathsModule],
  controllers: [OwnershipHandler],
  providers: [OwnershipService],
})
export class OwnershipModule {}
