import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  CLIENT_IDENTITY_VERIFIED_V1,
  type ClientIdentityStatusResult,
  type DuplicateMatch,
  type RecordIdentityCodeCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { callerEnvelope } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { CommandConflictError, CommandValidationError } from '@polku/service-runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { IdentityCipher } from '../identity/identity-cipher';
import { IdentityHasher } from '../identity/identity-hasher';
import { namesAndBirthDateKey } from '../identity/names-and-birth-date';
import { parsePersonalIdentityCode } from '../identity/personal-identity-code';
import {
  clientIdWithIdentityHash,
  lockIdentityHash,
  markClientVerified,
  recordCodeOfAnotherClient,
  unverifiedClientsWithNamesAndBirthDate,
  type ClientIdentityRow,
} from './client-identity.repository';
import { sealedAs } from './client-registry';
import { insertDuplicateCandidates, openDuplicatesOf } from './duplicate-candidate.repository';
import { identityStatusResult } from './identity-status-result';
import { assertClientVersion, ownedClientOfPath } from './owned-client';

/**
 * Recording the permanent code of a client referred with a temporary code or none
 * (docs/identity.md, "Clients without a permanent code"). When no other client has the code,
 * the client's identity is verified (ClientIdentityVerified) and unverified clients with the
 * same names and birth date are listed as possible duplicates; when another client has it, the
 * client stays unverified and that client is the possible duplicate. Either way the owner learns
 * only that a match exists and an opaque reference to link with.
 */
@Injectable()
export class IdentityVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly facts: IntakePathFacts,
    private readonly cipher: IdentityCipher,
    private readonly hasher: IdentityHasher,
  ) {}

  async recordCode(
    principal: Principal,
    request: {
      readonly pathId: string;
      readonly expectedVersion: number;
      readonly command: RecordIdentityCodeCommand;
    },
  ): Promise<ClientIdentityStatusResult> {
    const { pathId } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { client, basis } = await ownedClientOfPath(em, this.facts, { principal, pathId });
      assertClientVersion(client, request.expectedVersion);
      assertCodeMayBeRecorded(client);
      // Parsed after the access checks, so that a non-owner learns nothing even from a reason.
      const parsed = parsePersonalIdentityCode(request.command.personalIdentityCode);
      if (!parsed.ok) {
        throw new CommandValidationError(`personalIdentityCode: ${parsed.reason}`);
      }
      const code = parsed.code;
      const identityHash = this.hasher.hash(code.canonical);
      await lockIdentityHash(em, identityHash);
      const holder = await clientIdWithIdentityHash(em, identityHash);
      const found: { id: string; clientId: string; match: DuplicateMatch }[] = [];
      let version: number;
      if (holder !== undefined) {
        // The same permanent code is the same person: the caseworker links the two.
        version = await recordCodeOfAnotherClient(em, {
          clientId: client.id,
          codeHash: identityHash,
        });
        found.push({ id: randomUUID(), clientId: holder, match: 'SAME_CODE' });
      } else {
        version = await markClientVerified(em, {
          clientId: client.id,
          identityHash,
          codeSealed: this.cipher.encrypt(
            JSON.stringify(code.canonical),
            sealedAs(client.id, 'code'),
          ),
          birthDateSealed: this.cipher.encrypt(
            JSON.stringify(code.birthDate),
            sealedAs(client.id, 'birthDate'),
          ),
        });
        for (const other of await this.sameNamesAndBirthDate(client, code.birthDate, em)) {
          found.push({ id: randomUUID(), clientId: other, match: 'SAME_NAMES_AND_BIRTH_DATE' });
        }
        await this.outbox.append(em, CLIENT_IDENTITY_VERIFIED_V1.subject, {
          ...callerEnvelope({ pathId, clientRef: client.id, principal, basis }),
          data: { identityVerified: true, basis: 'PERMANENT_CODE_RECORDED' },
        });
      }
      await insertDuplicateCandidates(em, {
        clientId: client.id,
        candidates: found,
        pathId,
        orgId: principal.orgId,
        userId: principal.userId,
      });
      return identityStatusResult({
        clientRef: client.id,
        identityStatus: holder === undefined ? 'VERIFIED' : 'UNVERIFIED',
        version,
        possibleDuplicates: await openDuplicatesOf(em, client.id),
      });
    });
  }

  /**
   * Unverified clients with the client's names and the birth date of the code, or the birth
   * date it was referred with (a temporary code's date may be a placeholder).
   */
  private async sameNamesAndBirthDate(
    client: ClientIdentityRow,
    codeBirthDate: string,
    em: EntityManager,
  ): Promise<string[]> {
    const names = JSON.parse(
      this.cipher.decrypt(client.name_sealed, sealedAs(client.id, 'name')),
    ) as { givenNames: string; familyName: string };
    const birthDates = new Set([codeBirthDate]);
    if (client.birth_date_sealed !== null) {
      birthDates.add(
        JSON.parse(
          this.cipher.decrypt(client.birth_date_sealed, sealedAs(client.id, 'birthDate')),
        ) as string,
      );
    }
    return unverifiedClientsWithNamesAndBirthDate(em, {
      hashes: [...birthDates].map((birthDate) =>
        this.hasher.hashNamesAndBirthDate(namesAndBirthDateKey({ ...names, birthDate })),
      ),
      exceptClientId: client.id,
    });
  }
}

/**
 * One permanent code per unverified client, once: a verified or linked client has its identity,
 * and a client on which a code was already recorded keeps it (link its duplicate, or remove the
 * link and link another). So each probe of "is this code in polku?" costs an audited referral of
 * its own (docs/identity.md, "Not an oracle").
 */
function assertCodeMayBeRecorded(client: ClientIdentityRow): void {
  if (client.identity_status === 'VERIFIED') {
    throw new CommandConflictError(
      'the client’s identity is already verified by a permanent personal identity code',
    );
  }
  if (client.identity_status === 'LINKED') {
    throw new CommandConflictError(
      'the client is linked to a client with a verified identity; if that is wrong, the owner of the path the link was made on removes it',
    );
  }
  if (client.recorded_code_hash !== null) {
    throw new CommandConflictError(
      'a permanent personal identity code was already recorded for this client and another client has it: link the possible duplicate',
    );
  }
}
