import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ClientIdentityInput } from '@polku/contracts';
import { CommandValidationError } from '@polku/service-runtime';
import type { EntityManager } from 'typeorm';
import { IdentityCipher } from '../identity/identity-cipher';
import { IdentityHasher } from '../identity/identity-hasher';
import { parsePersonalIdentityCode } from '../identity/personal-identity-code';
import {
  clientIdByIdentityHash,
  insertClientUnlessKnown,
  sealedClientOfPath,
} from './client.repository';

/** What a party of the path may see of the client; see ClientRegistry.identityView. */
export interface ClientIdentityView {
  readonly clientRef: string;
  readonly personalIdentityCode: string;
  readonly givenNames: string;
  readonly familyName: string;
  readonly language: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: { street: string; postalCode: string; city: string } | null;
  readonly addressProtected: boolean;
}

/** Associated data binds each sealed value to its row and column. */
const sealedAs = (clientId: string, column: string) => `client:${clientId}:${column}`;

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

  /** The client with this identity code, registered now if new. */
  async findOrRegister(
    em: EntityManager,
    identity: ClientIdentityInput,
    registeredByOrgId: string,
  ): Promise<{ id: string; created: boolean }> {
    const parsed = parsePersonalIdentityCode(identity.personalIdentityCode);
    if (!parsed.ok) {
      throw new CommandValidationError(`client.personalIdentityCode: ${parsed.reason}`);
    }
    const identityHash = this.hasher.hash(parsed.code.canonical);
    const id = randomUUID();
    const seal = (column: string, value: unknown) =>
      this.cipher.encrypt(JSON.stringify(value), sealedAs(id, column));
    const contact =
      identity.phone === undefined && identity.email === undefined
        ? null
        : { phone: identity.phone ?? null, email: identity.email ?? null };
    const created = await insertClientUnlessKnown(em, {
      id,
      identityHash,
      code_sealed: seal('code', parsed.code.canonical),
      name_sealed: seal('name', {
        givenNames: identity.givenNames,
        familyName: identity.familyName,
      }),
      contact_sealed: contact === null ? null : seal('contact', contact),
      address_sealed: identity.address === undefined ? null : seal('address', identity.address),
      address_protected: identity.addressProtected,
      language: identity.language,
      createdByOrgId: registeredByOrgId,
    });
    if (created) {
      return { id, created: true };
    }
    return { id: await clientIdByIdentityHash(em, identityHash), created: false };
  }

  /**
   * The client as a party of the path sees them. The full identity code and a protected
   * address (turvakielto) only for the path's owning organisation; others get the masked code
   * and no protected address.
   */
  async identityView(
    em: EntityManager,
    pathId: string,
    viewerIsOwner: boolean,
  ): Promise<ClientIdentityView> {
    const row = await sealedClientOfPath(em, pathId);
    const open = <T>(column: string, sealed: string) =>
      JSON.parse(this.cipher.decrypt(sealed, sealedAs(row.id, column))) as T;
    const code = open<string>('code', row.code_sealed);
    const parsed = parsePersonalIdentityCode(code);
    const name = open<{ givenNames: string; familyName: string }>('name', row.name_sealed);
    const contact =
      row.contact_sealed === null
        ? { phone: null, email: null }
        : open<{ phone: string | null; email: string | null }>('contact', row.contact_sealed);
    const addressVisible = viewerIsOwner || !row.address_protected;
    return {
      clientRef: row.id,
      personalIdentityCode: viewerIsOwner || !parsed.ok ? code : parsed.code.masked(),
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
    };
  }
}
