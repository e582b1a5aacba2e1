import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { IntakePathAccessModule } from '../shared/intake-path-access.module';
import { ClientIdentityHandler } from './client-identity.handler';
import { ClientLinkService } from './client-link.service';
import { ClientPathService } from './client-path.service';
import { ClientRegistry } from './client-registry';
import { ClientsHandler } from './clients.handler';
import { IdentityVerificationService } from './identity-verification.service';

/**
 * Clients (their sealed identity, verified or not, and links between duplicates) and their
 * paths: joining, opening and ending one.
 */
@Module({
  imports: [IdentityModule, IntakePathAccessModule],
  controllers: [ClientsHandler, ClientIdentityHandler],
  providers: [ClientRegistry, ClientPathService, IdentityVerificationService, ClientLinkService],
  exports: [ClientRegistry, ClientPathService],
})
export class ClientsModule {}
