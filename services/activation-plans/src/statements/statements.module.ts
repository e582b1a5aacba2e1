import { Module } from '@nestjs/common';
import { ActivationPlansConfigModule } from '../config/activation-plans-config.module';
import { StatementIssueService } from './statement-issue.service';
import { StatementRequestService } from './statement-request.service';
import { StatementsHandler } from './statements.handler';

/** Statements and coaching summaries a party asks for, by a due date, and their delivery. */
@Module({
  imports: [ActivationPlansConfigModule],
  controllers: [StatementsHandler],
  providers: [StatementRequestService, StatementIssueService],
})
export class StatementsModule {}
