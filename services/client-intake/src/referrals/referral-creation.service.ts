import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { emitterOf, type Principal } from '@polku/auth';
import {
  CLIENT_REFERRED_V1,
  isIdentityVerified,
  type CreateReferralCommand,
  type CreateReferralResult,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { retriedTransaction } from '@polku/persistence';
import { CommandValidationError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { ClientPathService } from '../clients/client-path.service';
import { ClientRegistry } from '../clients/client-registry';
import { ConsentRecorder } from '../consents/consent-recorder';
import { OrganisationDirectory } from '../organisations/organisation-directory';
import { priorInformationClasses, referralSharingProblem } from './prior-information-rules';
import { PriorInformationService } from './prior-information.service';
import { assertNotToOneself, referrerLegalBasis } from './referral-rules';
import { insertPendingReferral } from './referral.repository';
import { ReferrerTaskService } from './referrer-task.service';

/**
 * A referring organisation refers a client to a provider: the client is found or registered,
 * their path joined or opened (or the referral held apart from another organisation's open
 * path, whose owner gets a task), and the client's consent and prior information, if given,
 * recorded with the referral in one transaction.
 */
@Injectable()
export class ReferralCreationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clients: ClientRegistry,
    private readonly paths: ClientPathService,
    private readonly organisations: OrganisationDirectory,
    private readonly consents: ConsentRecorder,
    private readonly priorInformation: PriorInformationService,
    private readonly tasks: ReferrerTaskService,
  ) {}

  async create(
    principal: Principal,
    command: CreateReferralCommand,
  ): Promise<CreateReferralResult> {
    const legalBasis = referrerLegalBasis(principal);
    assertNotToOneself(command.toOrgId, principal);
    const problem = referralSharingProblem(command);
    if (problem !== undefined) {
      throw new CommandValidationError(problem);
    }
    const packageClasses = priorInformationClasses(command.priorInformation);
    return retriedTransaction(this.dataSource, async (em) => {
      await this.organisations.assertRegisteredAs(em, principal);
      await this.organisations.assertKnown(em, { orgIds: [command.toOrgId], field: 'toOrgId' });
      await this.organisations.assertKnown(em, {
        orgIds: command.consent?.orgIds ?? [],
        field: 'consent.orgIds',
      });
      const client = await this.clients.findOrRegister(em, command.client, principal.orgId);
      const path = await this.paths.joinOrOpen(em, {
        clientId: client.id,
        principal,
        legalBasis,
      });
      const referralId = randomUUID();
      const consentId = command.consent ? randomUUID() : null;
      await insertPendingReferral(em, {
        id: referralId,
        pathId: path.id,
        fromOrgId: principal.orgId,
        command,
        legalBasis,
        consentId,
      });
      const base = { pathId: path.id, clientRef: client.id, emitter: emitterOf(principal) };
      if (command.consent && consentId) {
        await this.consents.record(em, {
          consentId,
          pathId: path.id,
          clientRef: client.id,
          consent: command.consent,
          principal,
        });
      }
      await this.outbox.append(em, CLIENT_REFERRED_V1.subject, {
        ...base,
        correlationId: referralId,
        // The receiver sees the path on the client's consent when there is one (withdrawing it
        // hides the path at once), else on the referrer's law.
        ...(consentId ? { consentRef: consentId } : { legalBasis }),
        data: {
          referralId,
          fromOrgId: principal.orgId,
          toOrgId: command.toOrgId,
          requestedMeasure: command.requestedMeasure,
          reasonCategory: command.reasonCategory,
          fundingRef: { kind: command.fundingRef.kind, reference: command.fundingRef.reference },
          desiredStart: command.desiredStart,
          identityVerified: isIdentityVerified(client.identityStatus),
          ...(consentId ? { priorInformationRef: consentId } : {}),
        },
      });
      if (command.priorInformation && consentId && packageClasses.length > 0) {
        await this.priorInformation.share(em, {
          envelope: base,
          referralId,
          toOrgId: command.toOrgId,
          consentId,
          dataClasses: packageClasses,
          priorInformation: command.priorInformation,
        });
      }
      await this.tasks.referrerReferredAgain(em, { pathId: path.id, fromOrgId: principal.orgId });
      if (path.heldFrom !== null) {
        // The open path's owner learns of the referral; the referrer learns nothing of the path.
        await this.tasks.openLinkReferral(em, { ...path.heldFrom, referralId });
      }
      // The same answer whatever path the referral is on: nothing tells of another path.
      return {
        pathId: path.id,
        referralId,
        clientRef: client.id,
        version: 1,
        legalBasis,
        identityVerified: isIdentityVerified(client.identityStatus),
        identityStatus: client.identityStatus,
      };
    });
  }
}
