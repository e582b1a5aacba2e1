import { Module } from '@nestjs/common';
import { CaseloadModule } from './caseload/caseload.module';
import { ProjectionModule } from './projection/projection.module';
import { WorkQueueModule } from './queue/work-queue.module';

/**
 * The work-queue service: every signal of polku on a named person's desk, each path on its
 * worker's caseload, and the e-mail digest of both (docs/work-queue.md, ADR 0017). A read model
 * fed by events, rebuildable by replay. Health, database and NATS come from ServiceRuntimeModule.
 */
@Module({ imports: [ProjectionModule, WorkQueueModule, CaseloadModule] })
export class AppModule {}
