import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLIENT_WORK_ROLES, hasRole, type Principal } from '@polku/auth';
import { callerEnvelope } from '@polku/path-access';
import { PARALLEL_SERVICE_REFERRED_V1, type ReferParallelServiceCommand } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { retriedTransaction } from '@polku/persistence';
import { ForbiddenCommandError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { clientRefOfPath } from '../clients/client-path.repository';
import { OrganisationDirectory } from '../organisations/organisation-directory';
import { insertParallelServiceReferral } from './parallel-service.repository';

/**
 * A referral to a service alongside the measure (debt counselling, health services…). Its kind
 * can reveal health, so it is HEALTH_FLAG data like the intake.
 */
@Injectable()
export class ParallelServiceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async refer(
    principal: Principal,
    request: { pathId: string; command: ReferParallelServiceCommand },
  ) {
    const { pathId, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await this.facts.assertAccess(principal, pathId, 'HEALTH_FLAG', em);
      if (!hasRole(principal, ...CLIENT_WORK_ROLES)) {
        throw new ForbiddenCommandError('only caseworkers and team leads refer to services');
      }
      await this.organisations.assertKnown(em, {
        orgIds: command.toOrgId ? [command.toOrgId] : [],
        field: 'toOrgId',
      });
      const referralId = randomUUID();
      await insertParallelServiceReferral(em, {
        id: referralId,
        pathId,
        service: command.service,
        toOrgId: command.toOrgId ?? null,
        referredByOrgId: principal.orgId,
      });
      await this.outbox.append(em, PARALLEL_SERVICE_REFERRED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
        }),
        data: {
          referralId,
          service: command.service,
          ...(command.toOrgId ? { toOrgId: command.toOrgId } : {}),
        },
      });
      return { referralId, service: command.service, toOrgId: command.toOrgId ?? null };
    });
  }
}
