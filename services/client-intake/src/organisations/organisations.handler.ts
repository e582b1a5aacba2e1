import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { hasRole, type Principal } from '@polku/auth';
import { INTAKE_COMMANDS, RegisterOrganisationCommand } from '@polku/contracts';
import {
  CommandValidationError,
  ForbiddenCommandError,
  RequestPrincipal,
  validateCommand,
} from '@polku/service-runtime';
import { OrganisationDirectory } from './organisation-directory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The directory of organisations: readable by every user, kept by administrators. */
@Controller()
export class OrganisationsHandler {
  constructor(private readonly organisations: OrganisationDirectory) {}

  @MessagePattern(INTAKE_COMMANDS.listOrganisations)
  async list(@RequestPrincipal() _principal: Principal) {
    return { items: await this.organisations.list() };
  }

  @MessagePattern(INTAKE_COMMANDS.registerOrganisation)
  async register(
    @Payload() request: { id: string; body: unknown },
    @RequestPrincipal() principal: Principal,
  ) {
    if (!hasRole(principal, 'ADMIN')) {
      throw new ForbiddenCommandError('only administrators register organisations');
    }
    if (typeof request.id !== 'string' || !UUID.test(request.id)) {
      throw new CommandValidationError('orgId: must be a uuid');
    }
    const command = validateCommand(RegisterOrganisationCommand, request.body);
    await this.organisations.register(
      { id: request.id, name: command.name, role: command.role },
      command.active,
    );
    return { id: request.id, name: command.name, role: command.role, active: command.active };
  }
}
