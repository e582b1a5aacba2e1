import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { IntakePathAccessModule } from '../shared/intake-path-access.module';
import { ConsentRecorder } from './consent-recorder';
import { ConsentService } from './consent.service';
import { ConsentsHandler } from './consents.handler';

/** A client's consents: grants, withdrawals, and the check other services ask. */
@Module({
  imports: [IntakePathAccessModule, OrganisationsModule],
  controllers: [ConsentsHandler],
  providers: [ConsentService, ConsentRecorder],
  exports: [ConsentRecorder],
})
export class ConsentsModule {}
