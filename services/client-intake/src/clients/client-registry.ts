import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ClientIdentityInput } from '@polku/contracts';
import { CommandValidationError } from '@polku/service-runtime';
import type { EntityManager } from 'typeorm';
import { IdentityCipher } from '../identity/identity-cipher';
import { IdentityHasher } from '../identity/identity-hasher';
import { parsePersonalIdentityCode } from '../identity/personal-identity-code';

interface ClientRow {
  id: string;
  code_sealed: string;
  name_sealed: string;
  contact_sealed: string | null;
  address_sealed: string | null;
  address_protected: boolean;
  language: string;
}

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
    // The unique hash decides a race between two first referrals of the same person.
    const inserted = await em.query<{ id: string }[]>(
      `INSERT INTO client (id, identity_hash, code_sealed, name_sealed, contact_sealed,
         address_sealed, address_protected, language, created_by_org_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (identity_hash) DO NOTHING RETURNING id`,
      [
        id,
        identityHash,
        seal('code', parsed.code.canonical),
        seal('name', { givenNames: identity.givenNames, familyName: identity.familyName }),
        contact === null ? null : seal('contact', contact),
        identity.address === undefined ? null : seal('address', identity.address),
        identity.addressProtected,
        identity.language,
        registeredByOrgId,
      ],
    );
    if (inserted.length > 0) {
      return { id, created: true };
    }
    const [existing] = await em.query<{ id: string }[]>(
      'SELECT id FROM client WHERE identity_hash = $1',
      [identityHash],
    );
    return { id: existing.id, created: false };
  }

  async clientRefOfPath(em: EntityManager, pathId: string): Promise<string> {
    const [row] = await em.query<{ client_id: string }[]>(
      'SELECT client_id FROM client_path WHERE id = $1',
      [pathId],
    );
    return row.client_id;
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
    const [row] = await em.query<ClientRow[]>(
      `SELECT c.id, c.code_sealed, c.name_sealed, c.contact_sealed, c.address_sealed,
              c.address_protected, c.language
         FROM client c JOIN client_path p ON p.client_id = c.id WHERE p.id = $1`,
      [pathId],
    );
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
