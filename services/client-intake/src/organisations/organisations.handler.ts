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

/** As many as a plan can name, with room to spare. */
const MAX_ROLE_LOOKUP = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The directory of organisations: readable by every user, kept by administrators. */
@Controller()
export class OrganisationsHandler {
  constructor(private readonly organisations: OrganisationDirectory) {}

  @MessagePattern(INTAKE_COMMANDS.listOrganisations)
  async list(@RequestPrincipal() _principal: Principal) {
    return { items: await this.organisations.list() };
  }

  /**
   * The registry's roles of the organisations a plan names, for the gateway to attach to a plan
   * command: a party's role, and so cover by law, comes from here (docs/plans.md).
   */
  @MessagePattern(INTAKE_COMMANDS.organisationRoles)
  async roles(@Payload() request: { orgIds?: unknown }, @RequestPrincipal() _principal: Principal) {
    const { orgIds } = request ?? {};
    if (
      !Array.isArray(orgIds) ||
      orgIds.length > MAX_ROLE_LOOKUP ||
      !orgIds.every((id) => typeof id === 'string' && UUID.test(id))
    ) {
      throw new CommandValidationError(`orgIds: at most ${MAX_ROLE_LOOKUP} uuids`);
    }
    return { roles: await this.organisations.roles(orgIds as string[]) };
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
