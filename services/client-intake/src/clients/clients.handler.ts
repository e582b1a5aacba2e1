import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  CLIENT_EXITED_V1,
  INTAKE_COMMANDS,
  type ClientExitedPayload,
  type EventEnvelope,
  type PathScoped,
} from '@polku/contracts';
import type { JetStreamEventContext } from '@polku/messaging';
import { RequestPrincipal } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { ClientPathService } from './client-path.service';
import { ClientRegistry } from './client-registry';
import { openDuplicatesOf } from './duplicate-candidate.repository';
import { isCurrentOwner } from './path-owner-rule';

/** Who the client of a path is, for its parties; and the end of a path, for re-entry. */
@Controller()
export class ClientsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: IntakePathFacts,
    private readonly clients: ClientRegistry,
    private readonly paths: ClientPathService,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.getClient)
  async get(@Payload() request: PathScoped<unknown>, @RequestPrincipal() principal: Principal) {
    const { facts } = await this.facts.assertAccess(principal, request.pathId, 'PATH');
    const owner = isCurrentOwner(facts, principal.orgId);
    const em = this.dataSource.manager;
    const view = await this.clients.identityView(em, request.pathId, owner);
    // Possible duplicates only for the owner, who alone links them (docs/identity.md).
    return { ...view, possibleDuplicates: owner ? await openDuplicatesOf(em, view.clientRef) : [] };
  }

  /**
   * A path ended (transitions): the client has no open path any more, so the next referral
   * opens a new path linked to this one.
   */
  @EventPattern(CLIENT_EXITED_V1.subject)
  async onClientExited(
    @Payload() envelope: EventEnvelope<ClientExitedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await this.paths.markExited(context.getEntityManager(), {
      pathId: envelope.pathId,
      exitedAt: envelope.occurredAt,
    });
  }
}
