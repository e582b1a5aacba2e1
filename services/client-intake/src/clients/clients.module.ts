import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { IntakePathAccessModule } from '../shared/intake-path-access.module';
import { ClientPathService } from './client-path.service';
import { ClientRegistry } from './client-registry';
import { ClientsHandler } from './clients.handler';

/** Clients (their sealed identity) and their paths: joining, opening and ending one. */
@Module({
  imports: [IdentityModule, IntakePathAccessModule],
  controllers: [ClientsHandler],
  providers: [ClientRegistry, ClientPathService],
  exports: [ClientRegistry, ClientPathService],
})
export class ClientsModule {}
