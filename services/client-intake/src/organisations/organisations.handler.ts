import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { INTAKE_COMMANDS, RegisterOrganisationCommand } from '@polku/contracts';
import { CommandValidationError, RequestPrincipal, validateCommand } from '@polku/service-runtime';
import { OrganisationDirectory } from './organisation-directory';
import { OrganisationRegistry } from './organisation-registry';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The directory of organisations: readable by every user; an ADMIN keeps its own organisation's
 * entry, a REGISTRY_ADMIN every entry (OrganisationRegistry decides and logs).
 */
@Controller()
export class OrganisationsHandler {
  constructor(
    private readonly organisations: OrganisationDirectory,
    private readonly registry: OrganisationRegistry,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.listOrganisations)
  async list(@RequestPrincipal() _principal: Principal) {
    return { items: await this.organisations.list() };
  }

  @MessagePattern(INTAKE_COMMANDS.registerOrganisation)
  async register(
    @Payload() request: { id: string; expectedVersion: number; body: unknown },
    @RequestPrincipal() principal: Principal,
  ) {
    if (typeof request.id !== 'string' || !UUID.test(request.id)) {
      throw new CommandValidationError('orgId: must be a uuid');
    }
    if (!Number.isSafeInteger(request.expectedVersion) || request.expectedVersion < 0) {
      throw new CommandValidationError('expectedVersion: must be a non-negative integer');
    }
    const command = validateCommand(RegisterOrganisationCommand, request.body);
    return this.registry.change(principal, {
      id: request.id,
      name: command.name,
      role: command.role,
      active: command.active,
      expectedVersion: request.expectedVersion,
    });
  }
}
