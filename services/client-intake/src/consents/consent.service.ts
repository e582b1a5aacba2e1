import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { emitterOf, type Principal } from '@polku/auth';
import {
  CONSENT_WITHDRAWN_V1,
  type DataClass,
  type GrantConsentCommand,
  pageFromRows,
  type WithdrawConsentCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { PreconditionFailedError, retriedTransaction } from '@polku/persistence';
import { CommandConflictError, NotFoundError, type ServicePage } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { clientRefOfPath } from '../clients/client-path.repository';
import { OrganisationDirectory } from '../organisations/organisation-directory';
import { consentCheckAnswer } from './consent-check-rule';
import { ConsentRecorder } from './consent-recorder';
import { assertMayRecordConsent, assertMayWithdrawConsent } from './consent-rules';
import { consentRecordView } from './consent-views';
import {
  consentGrantOfPathForUpdate,
  CONSENT_RECORDS_SORT,
  consentRecordPageOfPath,
  insertConsentWithdrawal,
  isConsentWithdrawn,
} from './consent.repository';

/**
 * Consent records: immutable; a withdrawal is a new record that takes effect at once. Also the
 * question other services ask: may organisation X see data class Y of path Z now?
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
    private readonly organisations: OrganisationDirectory,
    private readonly recorder: ConsentRecorder,
  ) {}

  async grant(principal: Principal, request: { pathId: string; command: GrantConsentCommand }) {
    const { pathId, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { facts } = await this.facts.assertAccess(principal, pathId, 'PATH', em);
      assertMayRecordConsent(facts, { principal, orgIds: command.orgIds });
      await this.organisations.assertKnown(em, { orgIds: command.orgIds, field: 'orgIds' });
      const consentId = randomUUID();
      const { validFrom } = await this.recorder.record(em, {
        consentId,
        pathId,
        clientRef: await clientRefOfPath(em, pathId),
        consent: command,
        principal,
      });
      return { consentId, validFrom: validFrom.toISOString() };
    });
  }

  /**
   * Records a withdrawal, in one transaction with its ConsentWithdrawn event: from the moment it
   * commits, client-intake's own checks no longer count the consent. Only at the consent's
   * version the caller read (If-Match), compared under the grant's lock.
   */
  async withdraw(
    principal: Principal,
    request: {
      pathId: string;
      consentId: string;
      expectedVersion: number;
      command: WithdrawConsentCommand;
    },
  ) {
    const { pathId } = request;
    const onClientRequest = request.command.onClientRequest === true;
    return retriedTransaction(this.dataSource, async (em) => {
      const { facts } = await this.facts.assertAccess(principal, pathId, 'PATH', em);
      const consent = await consentGrantOfPathForUpdate(em, request);
      if (consent === undefined) {
        throw new NotFoundError('no such consent');
      }
      assertMayWithdrawConsent(facts, {
        principal,
        recordedByOrgId: consent.recorded_by_org_id,
        onClientRequest,
      });
      if (consent.version !== request.expectedVersion) {
        throw new PreconditionFailedError(request.expectedVersion, consent.version);
      }
      if (await isConsentWithdrawn(em, consent.id)) {
        throw new CommandConflictError('the consent is already withdrawn');
      }
      const withdrawalId = randomUUID();
      const clientRef = await clientRefOfPath(em, pathId);
      const effectiveAt = new Date();
      await insertConsentWithdrawal(em, {
        id: withdrawalId,
        clientId: clientRef,
        pathId,
        withdrawn: consent,
        validFrom: effectiveAt,
        recordedByUser: principal.userId,
        recordedByOrgId: principal.orgId,
        onClientRequest,
      });
      await this.outbox.append(em, CONSENT_WITHDRAWN_V1.subject, {
        pathId,
        clientRef,
        emitter: emitterOf(principal),
        consentRef: withdrawalId,
        data: {
          consentId: withdrawalId,
          withdrawnConsentId: consent.id,
          effectiveAt: effectiveAt.toISOString(),
        },
      });
      // effectiveAt: the gateway applies the withdrawal to its access projection at once.
      // version: the withdrawn consent's, now one more (its ETag).
      return {
        consentId: withdrawalId,
        withdrawnConsentId: consent.id,
        effectiveAt: effectiveAt.toISOString(),
        onClientRequest,
        version: consent.version + 1,
      };
    });
  }

  /** One page of the path's grants and withdrawals, oldest first. */
  async list(pathId: string, page: ServicePage) {
    const rows = await consentRecordPageOfPath(this.dataSource.manager, { pathId, ...page });
    return pageFromRows({
      rows,
      limit: page.limit,
      positionOf: (row) => ({ key: row.sort_key, id: row.id }),
      toItem: consentRecordView,
      sort: CONSENT_RECORDS_SORT,
    });
  }

  async check(question: { pathId: string; orgId: string; dataClass: DataClass }) {
    const facts = await this.facts.factsFor(question.pathId);
    return consentCheckAnswer(facts, question);
  }
}
