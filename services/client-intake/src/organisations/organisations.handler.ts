import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import {
  INTAKE_COMMANDS,
  type PageQueryPayload,
  RegisterOrganisationCommand,
} from '@polku/contracts';
import {
  CommandValidationError,
  RequestPrincipal,
  requirePage,
  validateCommand,
} from '@polku/service-runtime';
import { OrganisationDirectory } from './organisation-directory';
import { OrganisationRegistry } from './organisation-registry';
import { ORGANISATIONS_SORT } from './organisation.repository';

/** As many as a plan can name, with room to spare. */
const MAX_ROLE_LOOKUP = 50;
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
  async list(@Payload() request: PageQueryPayload, @RequestPrincipal() _principal: Principal) {
    return this.organisations.list(requirePage(request, { sort: ORGANISATIONS_SORT }));
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
