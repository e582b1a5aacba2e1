import { Module } from '@nestjs/common';
import { CaseloadHandler } from './caseload.handler';
import { CaseloadService } from './caseload.service';

/** The caseloads of workers and organisations, read from the paths' cards. */
@Module({ controllers: [CaseloadHandler], providers: [CaseloadService] })
export class CaseloadModule {}
