import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  CLIENTS_LINKED_V1,
  CLIENTS_UNLINKED_V1,
  isIdentityVerified,
  type ClientLinkResult,
  type IdentityStatus,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { callerEnvelope } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { CommandConflictError, NotFoundError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import {
  bumpClientVersion,
  clientForUpdate,
  setIdentityStatus,
} from './client-identity.repository';
import {
  insertClientLink,
  linkInForceMadeOnPathForUpdate,
  markLinkRemoved,
} from './client-link.repository';
import {
  openDuplicateOfClientForUpdate,
  openDuplicatesOf,
  setDuplicateStatus,
} from './duplicate-candidate.repository';
import { identityStatusResult } from './identity-status-result';
import { linkedPair } from './link-direction-rule';
import { assertClientVersion, ownedClientOfPath } from './owned-client';

/**
 * The caseworker's decision on a possible duplicate: linking records that two client records
 * are one person, the unverified record pointing to the verified one; removing the link undoes
 * it. Paths keep their clientRef and nothing else moves: the link is identity knowledge and stays
 * in client-intake; ClientsLinked and ClientsUnlinked tell the other services only where this
 * path's client now stands. The gateway audits both commands.
 */
@Injectable()
export class ClientLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
  ) {}

  async link(
    principal: Principal,
    request: {
      readonly pathId: string;
      readonly expectedVersion: number;
      readonly duplicateRef: string;
    },
  ): Promise<ClientLinkResult> {
    const { pathId } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { client, basis } = await ownedClientOfPath(em, this.facts, { principal, pathId });
      const duplicate = await openDuplicateOfClientForUpdate(em, {
        duplicateRef: request.duplicateRef,
        clientId: client.id,
      });
      if (duplicate === undefined) {
        throw new NotFoundError('no such possible duplicate of this path’s client');
      }
      assertClientVersion(client, request.expectedVersion);
      const other = await clientForUpdate(em, duplicate.candidate_client_id);
      const pair = linkedPair({ client, other, match: duplicate.match });
      if (pair === undefined) {
        throw new CommandConflictError(
          'the possible duplicate has changed since it was found (it was verified or linked meanwhile); read the client again',
        );
      }
      const linkId = randomUUID();
      await insertClientLink(em, {
        id: linkId,
        duplicateRef: duplicate.id,
        unverifiedClientId: pair.unverifiedClientId,
        verifiedClientId: pair.verifiedClientId,
        pathId,
        orgId: principal.orgId,
        userId: principal.userId,
      });
      await setDuplicateStatus(em, { duplicateRef: duplicate.id, status: 'LINKED' });
      await setIdentityStatus(em, { clientId: pair.unverifiedClientId, status: 'LINKED' });
      const version =
        pair.unverifiedClientId === client.id
          ? client.version + 1
          : await bumpClientVersion(em, client.id);
      const identityStatus: IdentityStatus =
        pair.unverifiedClientId === client.id ? 'LINKED' : client.identity_status;
      await this.outbox.append(em, CLIENTS_LINKED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: client.id,
          principal,
          basis,
          correlationId: linkId,
        }),
        data: {
          linkId,
          match: duplicate.match,
          identityVerified: isIdentityVerified(identityStatus),
          identityStatus,
        },
      });
      return {
        linkId,
        ...identityStatusResult({
          clientRef: client.id,
          identityStatus,
          version,
          possibleDuplicates: await openDuplicatesOf(em, client.id),
        }),
      };
    });
  }

  async unlink(
    principal: Principal,
    request: { readonly pathId: string; readonly expectedVersion: number; readonly linkId: string },
  ): Promise<ClientLinkResult> {
    const { pathId, linkId } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { client, basis } = await ownedClientOfPath(em, this.facts, { principal, pathId });
      const link = await linkInForceMadeOnPathForUpdate(em, { linkId, pathId });
      if (link === undefined) {
        throw new NotFoundError('no such link in force made on this path');
      }
      assertClientVersion(client, request.expectedVersion);
      await markLinkRemoved(em, { linkId, orgId: principal.orgId, userId: principal.userId });
      await setDuplicateStatus(em, { duplicateRef: link.duplicate_candidate_id, status: 'OPEN' });
      await setIdentityStatus(em, { clientId: link.unverified_client_id, status: 'UNVERIFIED' });
      const ownSide = link.unverified_client_id === client.id;
      const version = ownSide ? client.version + 1 : await bumpClientVersion(em, client.id);
      const identityStatus: IdentityStatus = ownSide ? 'UNVERIFIED' : client.identity_status;
      await this.outbox.append(em, CLIENTS_UNLINKED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: client.id,
          principal,
          basis,
          correlationId: linkId,
        }),
        data: { linkId, identityVerified: isIdentityVerified(identityStatus), identityStatus },
      });
      return {
        linkId,
        ...identityStatusResult({
          clientRef: client.id,
          identityStatus,
          version,
          possibleDuplicates: await openDuplicatesOf(em, client.id),
        }),
      };
    });
  }
}
