import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  isIdentityVerified,
  type ClientIdentityInput,
  type IdentityStatus,
} from '@polku/contracts';
import { CommandValidationError } from '@polku/service-runtime';
import type { EntityManager } from 'typeorm';
import { IdentityCipher } from '../identity/identity-cipher';
import { IdentityHasher } from '../identity/identity-hasher';
import { namesAndBirthDateKey } from '../identity/names-and-birth-date';
import { referredIdentityOf } from '../identity/referred-identity';
import {
  clientIdByIdentityHash,
  insertClientUnlessKnown,
  sealedClientOfPath,
} from './client.repository';
import { insertUnverifiedClient } from './unverified-client.repository';

/** What a party of the path may see of the client; see ClientRegistry.identityView. */
export interface ClientIdentityView {
  readonly clientRef: string;
  /** The permanent or temporary code (masked for all but the owner); null when none is known. */
  readonly personalIdentityCode: string | null;
  /** Null only for clients registered before polku kept birth dates. */
  readonly birthDate: string | null;
  readonly givenNames: string;
  readonly familyName: string;
  readonly language: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: { street: string; postalCode: string; city: string } | null;
  readonly addressProtected: boolean;
  readonly identityStatus: IdentityStatus;
  readonly identityVerified: boolean;
  /** The client record's version: If-Match of the identity commands. */
  readonly version: number;
}

/** Associated data binds each sealed value to its row and column. */
export const sealedAs = (clientId: string, column: string) => `client:${clientId}:${column}`;

/**
 * Birth date and century sign shown, individual number and check character hidden, for a
 * permanent or a temporary code alike (a temporary code is personal data too).
 */
export function maskedIdentityCode(code: string): string {
  return `${code.slice(0, 7)}****`;
}

/**
 * The only place polku keeps who a client is. Identity fields are sealed (AES-256-GCM) and the
 * personal identity code is also kept as a keyed hash, so a second referral of the same person
 * — however the code was written — finds the same client without decrypting anything.
 */
@Injectable()
export class ClientRegistry {
  constructor(
    private readonly cipher: IdentityCipher,
    private readonly hasher: IdentityHasher,
  ) {}

  /**
   * The client a referral names: with a permanent code, the client who has it (registered now
   * if new); with a temporary code or none, always a new client whose identity is not verified,
   * never matched to anyone (docs/identity.md).
   */
  async findOrRegister(
    em: EntityManager,
    client: ClientIdentityInput,
    registeredByOrgId: string,
  ): Promise<{ id: string; created: boolean; identityStatus: IdentityStatus }> {
    const referred = referredIdentityOf(client);
    if (!referred.ok) {
      throw new CommandValidationError(referred.reason);
    }
    const { identity } = referred;
    const id = randomUUID();
    const seal = (column: string, value: unknown) =>
      this.cipher.encrypt(JSON.stringify(value), sealedAs(id, column));
    const contact =
      client.phone === undefined && client.email === undefined
        ? null
        : { phone: client.phone ?? null, email: client.email ?? null };
    const sealed = {
      id,
      code_sealed: identity.kind === 'NONE' ? null : seal('code', identity.code.canonical),
      name_sealed: seal('name', { givenNames: client.givenNames, familyName: client.familyName }),
      contact_sealed: contact === null ? null : seal('contact', contact),
      address_sealed: client.address === undefined ? null : seal('address', client.address),
      address_protected: client.addressProtected,
      language: client.language,
      birth_date_sealed: seal('birthDate', identity.birthDate),
      createdByOrgId: registeredByOrgId,
    };
    if (identity.kind !== 'PERMANENT') {
      // A temporary code can be another person's tomorrow: no hash, so nothing finds it again.
      await insertUnverifiedClient(em, {
        ...sealed,
        namesBirthDateHash: this.hasher.hashNamesAndBirthDate(
          namesAndBirthDateKey({ ...client, birthDate: identity.birthDate }),
        ),
      });
      return { id, created: true, identityStatus: 'UNVERIFIED' };
    }
    const identityHash = this.hasher.hash(identity.code.canonical);
    const created = await insertClientUnlessKnown(em, { ...sealed, identityHash });
    if (created) {
      return { id, created: true, identityStatus: 'VERIFIED' };
    }
    return {
      id: await clientIdByIdentityHash(em, identityHash),
      created: false,
      identityStatus: 'VERIFIED',
    };
  }

  /**
   * The client as a party of the path sees them. The full identity code (permanent or
   * temporary) and a protected address (turvakielto) only for the path's owning organisation;
   * others get the masked code and no protected address. Every party learns whether the
   * identity is verified, and nothing of any other client.
   */
  async identityView(
    em: EntityManager,
    pathId: string,
    viewerIsOwner: boolean,
  ): Promise<ClientIdentityView> {
    const row = await sealedClientOfPath(em, pathId);
    const open = <T>(column: string, sealed: string) =>
      JSON.parse(this.cipher.decrypt(sealed, sealedAs(row.id, column))) as T;
    const code = row.code_sealed === null ? null : open<string>('code', row.code_sealed);
    const name = open<{ givenNames: string; familyName: string }>('name', row.name_sealed);
    const contact =
      row.contact_sealed === null
        ? { phone: null, email: null }
        : open<{ phone: string | null; email: string | null }>('contact', row.contact_sealed);
    const addressVisible = viewerIsOwner || !row.address_protected;
    return {
      clientRef: row.id,
      personalIdentityCode: code === null || viewerIsOwner ? code : maskedIdentityCode(code),
      birthDate:
        row.birth_date_sealed === null ? null : open<string>('birthDate', row.birth_date_sealed),
      givenNames: name.givenNames,
      familyName: name.familyName,
      language: row.language,
      phone: contact.phone,
      email: contact.email,
      address:
        addressVisible && row.address_sealed !== null
          ? open<{ street: string; postalCode: string; city: string }>(
              'address',
              row.address_sealed,
            )
          : null,
      addressProtected: row.address_protected,
      identityStatus: row.identity_status,
      identityVerified: isIdentityVerified(row.identity_status),
      version: row.version,
    };
  }
}
