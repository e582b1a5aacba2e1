import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import {
  DATA_CLASSES,
  GrantConsentCommand,
  INTAKE_COMMANDS,
  WithdrawConsentCommand,
  type DataClass,
  type PageQueryPayload,
  type PathScoped,
} from '@polku/contracts';
import {
  CommandValidationError,
  RequestPrincipal,
  requireExpectedVersion,
  requirePage,
  validateCommand,
} from '@polku/service-runtime';
import { IntakePathFacts } from '../access/intake-path-facts';
import { ConsentService } from './consent.service';
import { CONSENT_RECORDS_SORT } from './consent.repository';

/** Granting, withdrawing and listing a path's consents; and the consent check for services. */
@Controller()
export class ConsentsHandler {
  constructor(
    private readonly facts: IntakePathFacts,
    private readonly consents: ConsentService,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.grantConsent)
  async grant(@Payload() request: PathScoped<unknown>, @RequestPrincipal() principal: Principal) {
    const command = validateCommand(GrantConsentCommand, request.body);
    return this.consents.grant(principal, { pathId: request.pathId, command });
  }

  @MessagePattern(INTAKE_COMMANDS.withdrawConsent)
  async withdraw(
    @Payload() request: PathScoped<unknown> & { id: string; expectedVersion: number },
    @RequestPrincipal() principal: Principal,
  ) {
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(WithdrawConsentCommand, request.body ?? {});
    return this.consents.withdraw(principal, {
      pathId: request.pathId,
      consentId: request.id,
      expectedVersion,
      command,
    });
  }

  @MessagePattern(INTAKE_COMMANDS.listConsents)
  async list(
    @Payload() request: PathScoped<unknown> & PageQueryPayload,
    @RequestPrincipal() principal: Principal,
  ) {
    const page = requirePage(request, { sort: CONSENT_RECORDS_SORT });
    await this.facts.assertAccess(principal, request.pathId, 'PATH');
    return this.consents.list(request.pathId, page);
  }

  /**
   * For other services: may organisation X see data class Y of path Z now (as a caseworker)?
   * Answers only allowed or not and the basis; never the path's other facts.
   */
  @MessagePattern(INTAKE_COMMANDS.checkConsent)
  async check(
    @Payload() request: { pathId: string; orgId: string; dataClass: string },
    @RequestPrincipal() _principal: Principal,
  ) {
    if (!(DATA_CLASSES as readonly string[]).includes(request.dataClass)) {
      throw new CommandValidationError('dataClass: unknown data class');
    }
    return this.consents.check({
      pathId: request.pathId,
      orgId: request.orgId,
      dataClass: request.dataClass as DataClass,
    });
  }
}
