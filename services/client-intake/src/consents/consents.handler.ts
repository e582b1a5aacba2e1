import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { emitterOf, type Principal } from '@polku/auth';
import {
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  DATA_CLASSES,
  GrantConsentCommand,
  INTAKE_COMMANDS,
  type DataClass,
  type PathScoped,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { decidePathAccess } from '@polku/path-access';
import {
  CommandConflictError,
  CommandValidationError,
  NotFoundError,
  RequestPrincipal,
  validateCommand,
} from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { ClientRegistry } from '../clients/client-registry';
import { OrganisationDirectory } from '../organisations/organisation-directory';

interface ConsentRow {
  id: string;
  org_ids: string[];
  data_classes: string[];
  purpose: string;
  how_given: string;
  valid_from: Date;
  valid_to: Date | null;
  withdraws_consent_id: string | null;
  recorded_by_org_id: string;
  recorded_at: Date;
}

/**
 * Consent records: immutable; a withdrawal is a new record that takes effect at once. Also the
 * question other services ask: may organisation X see data class Y of path Z now?
 */
@Controller()
export class ConsentsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
    private readonly clients: ClientRegistry,
    private readonly organisations: OrganisationDirectory,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.grantConsent)
  async grant(@Payload() request: PathScoped<unknown>, @RequestPrincipal() principal: Principal) {
    const command = validateCommand(GrantConsentCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      await this.facts.assertAccess(principal, request.pathId, 'PATH', em);
      for (const orgId of command.orgIds) {
        if ((await this.organisations.find(orgId, em)) === undefined) {
          throw new CommandValidationError('orgIds: unknown organisation');
        }
      }
      const consentId = randomUUID();
      const clientRef = await this.clients.clientRefOfPath(em, request.pathId);
      const validFrom = new Date();
      await em.query(
        `INSERT INTO consent_record (id, client_id, path_id, org_ids, data_classes, purpose,
           how_given, valid_from, valid_to, recorded_by_user, recorded_by_org_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::date + 1)::timestamptz, $10, $11)`,
        [
          consentId,
          clientRef,
          request.pathId,
          command.orgIds,
          command.dataClasses,
          command.purpose,
          command.howGiven,
          validFrom,
          command.validTo ?? null,
          principal.userId,
          principal.orgId,
        ],
      );
      await this.outbox.append(em, CONSENT_GRANTED_V1.subject, {
        pathId: request.pathId,
        clientRef,
        emitter: emitterOf(principal),
        consentRef: consentId,
        data: {
          consentId,
          orgIds: command.orgIds,
          dataClasses: command.dataClasses,
          purpose: command.purpose,
          howGiven: command.howGiven,
          validFrom: validFrom.toISOString().slice(0, 10),
          ...(command.validTo ? { validTo: command.validTo } : {}),
          recordedByOrgId: principal.orgId,
        },
      });
      return { consentId, validFrom: validFrom.toISOString() };
    });
  }

  @MessagePattern(INTAKE_COMMANDS.withdrawConsent)
  async withdraw(
    @Payload() request: PathScoped<unknown> & { id: string },
    @RequestPrincipal() principal: Principal,
  ) {
    return this.dataSource.transaction(async (em) => {
      await this.facts.assertAccess(principal, request.pathId, 'PATH', em);
      // Lock the consent so two withdrawals cannot both be recorded.
      const [consent] = await em.query<ConsentRow[]>(
        `SELECT id, org_ids, data_classes, purpose, how_given FROM consent_record
          WHERE id = $1 AND path_id = $2 AND withdraws_consent_id IS NULL FOR UPDATE`,
        [request.id, request.pathId],
      );
      if (consent === undefined) {
        throw new NotFoundError('no such consent');
      }
      const [already] = await em.query<unknown[]>(
        'SELECT 1 FROM consent_record WHERE withdraws_consent_id = $1',
        [consent.id],
      );
      if (already !== undefined) {
        throw new CommandConflictError('the consent is already withdrawn');
      }
      const withdrawalId = randomUUID();
      const clientRef = await this.clients.clientRefOfPath(em, request.pathId);
      const effectiveAt = new Date();
      await em.query(
        `INSERT INTO consent_record (id, client_id, path_id, org_ids, data_classes, purpose,
           how_given, valid_from, withdraws_consent_id, recorded_by_user, recorded_by_org_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          withdrawalId,
          clientRef,
          request.pathId,
          consent.org_ids,
          consent.data_classes,
          consent.purpose,
          consent.how_given,
          effectiveAt,
          consent.id,
          principal.userId,
          principal.orgId,
        ],
      );
      await this.outbox.append(em, CONSENT_WITHDRAWN_V1.subject, {
        pathId: request.pathId,
        clientRef,
        emitter: emitterOf(principal),
        consentRef: withdrawalId,
        data: {
          consentId: withdrawalId,
          withdrawnConsentId: consent.id,
          effectiveAt: effectiveAt.toISOString(),
        },
      });
      return { consentId: withdrawalId, withdrawnConsentId: consent.id };
    });
  }

  @MessagePattern(INTAKE_COMMANDS.listConsents)
  async list(@Payload() request: PathScoped<unknown>, @RequestPrincipal() principal: Principal) {
    await this.facts.assertAccess(principal, request.pathId, 'PATH');
    const rows = await this.dataSource.query<ConsentRow[]>(
      `SELECT id, org_ids, data_classes, purpose, how_given, valid_from, valid_to,
              withdraws_consent_id, recorded_by_org_id, recorded_at
         FROM consent_record WHERE path_id = $1 ORDER BY recorded_at, id`,
      [request.pathId],
    );
    return {
      items: rows.map((row) => ({
        consentId: row.id,
        kind: row.withdraws_consent_id === null ? 'GRANT' : 'WITHDRAWAL',
        withdrawsConsentId: row.withdraws_consent_id,
        orgIds: row.org_ids,
        dataClasses: row.data_classes,
        purpose: row.purpose,
        howGiven: row.how_given,
        validFrom: row.valid_from.toISOString(),
        validTo: row.valid_to?.toISOString() ?? null,
        recordedByOrgId: row.recorded_by_org_id,
        recordedAt: row.recorded_at.toISOString(),
      })),
    };
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
    const facts = await this.facts.factsFor(request.pathId);
    const decision = decidePathAccess(
      {
        userId: 'consent-check',
        orgId: request.orgId,
        orgRole: 'PROVIDER',
        roles: ['CASEWORKER'],
        issuer: 'polku',
      },
      facts,
      request.dataClass as DataClass,
    );
    return decision.allowed
      ? { allowed: true, basis: decision.basis, relations: decision.relations }
      : { allowed: false };
  }
}
