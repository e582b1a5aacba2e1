import {
  CLIENT_IDENTITY_VERIFIED_V1,
  CLIENT_REFERRED_V1,
  CLIENTS_LINKED_V1,
  CLIENTS_UNLINKED_V1,
  INTAKE_COMMANDS,
  validateEvent,
  type ClientIdentityStatusResult,
  type ClientLinkResult,
  type CreateReferralResult,
} from '@polku/contracts';
import type { Principal } from '@polku/auth';
import { outboxEvents } from '@polku/testing';
import {
  caseworkerOf,
  ORGS,
  referralOf,
  startIntakeService,
  type IntakeService,
} from './support/intake-service';

// Clients without a permanent personal identity code (docs/identity.md), through the real
// service: commands over NATS with the principal the gateway would send, real PostgreSQL. Every
// rule is also tried as an attack by an organisation that should learn nothing.
const org = ORGS;
const employment = caseworkerOf('employmentArea');
const social = caseworkerOf('socialServices');
const tyonsilta = caseworkerOf('tyonsilta');
const kumppaniksi = caseworkerOf('kumppaniksi');

/** Valid temporary codes (individual number 900–999, check character right). */
const TEMPORARY = {
  shared: '131052-900W',
  hospital: '010594Y9032',
  names: '050575-9519',
  attack: '221188-930S',
} as const;
/** Valid permanent codes, one per test, never given at a referral unless said. */
const PERMANENT = {
  verified: '030395-245S',
  taken: '140690-3723',
  names: '280879-613N',
  attack: '091085-2241',
} as const;

interface ClientView extends ClientIdentityStatusResult {
  readonly personalIdentityCode: string | null;
  readonly birthDate: string | null;
  readonly givenNames: string;
  readonly familyName: string;
}

describe('clients without a permanent personal identity code', () => {
  let intake: IntakeService;

  beforeAll(async () => {
    intake = await startIntakeService();
  });

  afterAll(async () => {
    await intake.close();
  });

  const referWith = (
    client: { personalIdentityCode?: string; birthDate?: string; givenNames?: string },
    by: Principal = employment,
    toOrgId: string = org.tyonsilta.id,
  ) => {
    const base = referralOf('unused', toOrgId);
    const { personalIdentityCode: _unused, ...rest } = base.client;
    return intake.ask<CreateReferralResult>(INTAKE_COMMANDS.createReferral, by, {
      ...base,
      client: { ...rest, ...client },
    });
  };
  const clientOf = (pathId: string, by: Principal = employment) =>
    intake.ask<ClientView>(INTAKE_COMMANDS.getClient, by, { pathId });
  const recordCode = (pathId: string, code: string, expectedVersion: number, by = employment) =>
    intake.ask<ClientIdentityStatusResult>(INTAKE_COMMANDS.recordIdentityCode, by, {
      pathId,
      expectedVersion,
      body: { personalIdentityCode: code },
    });
  const recordCodeError = (pathId: string, code: string, expectedVersion: number, by: Principal) =>
    intake.askError(INTAKE_COMMANDS.recordIdentityCode, by, {
      pathId,
      expectedVersion,
      body: { personalIdentityCode: code },
    });
  const link = (pathId: string, duplicateRef: string, expectedVersion: number, by = employment) =>
    intake.ask<ClientLinkResult>(INTAKE_COMMANDS.linkClients, by, {
      pathId,
      expectedVersion,
      body: { duplicateRef },
    });
  const unlink = (pathId: string, linkId: string, expectedVersion: number, by = employment) =>
    intake.ask<ClientLinkResult>(INTAKE_COMMANDS.unlinkClients, by, {
      pathId,
      id: linkId,
      expectedVersion,
      body: {},
    });
  const clientRow = async (clientRef: string) => {
    const [row] = await intake.dataSource.query<
      {
        identity_status: string;
        identity_hash: string | null;
        code_sealed: string | null;
        birth_date_sealed: string | null;
        version: number;
      }[]
    >(
      `SELECT identity_status, identity_hash, code_sealed, birth_date_sealed, version
         FROM client WHERE id = $1`,
      [clientRef],
    );
    return row;
  };

  it('should refer a client with a temporary code as unverified, sealed and without a hash, and say so in the answer and the event', async () => {
    const referral = await referWith({ personalIdentityCode: TEMPORARY.hospital });

    expect(referral).toMatchObject({ identityVerified: false, identityStatus: 'UNVERIFIED' });
    const row = await clientRow(referral.clientRef);
    expect(row).toMatchObject({ identity_status: 'UNVERIFIED', identity_hash: null, version: 1 });
    expect(row.code_sealed).toMatch(/^v1\./);
    expect(row.code_sealed).not.toContain('9032');
    expect(row.birth_date_sealed).toMatch(/^v1\./);
    const [event] = await outboxEvents(
      intake.dataSource,
      CLIENT_REFERRED_V1.subject,
      referral.pathId,
    );
    expect(event.data).toMatchObject({ identityVerified: false });
    expect(validateEvent(CLIENT_REFERRED_V1.subject, event)).toMatchObject({ ok: true });
    expect(JSON.stringify(event)).not.toMatch(/010594|9032|1994-05-01/);
  });

  it('should refer a client with no code but names and birth date as unverified, and show the owner the birth date', async () => {
    const referral = await referWith({ birthDate: '1990-04-17' });

    expect(referral.identityVerified).toBe(false);
    expect(await clientOf(referral.pathId)).toMatchObject({
      clientRef: referral.clientRef,
      personalIdentityCode: null,
      birthDate: '1990-04-17',
      givenNames: 'Testi',
      identityStatus: 'UNVERIFIED',
      identityVerified: false,
      version: 1,
      possibleDuplicates: [],
    });
  });

  it('should refuse a referral with neither a code nor a birth date, and write nothing', async () => {
    const count = () =>
      intake.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM client');
    const before = await count();

    const refused = await intake.askError(INTAKE_COMMANDS.createReferral, employment, {
      ...referralOf('unused', org.tyonsilta.id),
      client: {
        givenNames: 'Testi',
        familyName: 'Asiakas',
        language: 'fi',
        addressProtected: false,
      },
    });

    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refused.message).toContain('birthDate');
    expect(await count()).toEqual(before);
  });

  it('should make two clients of two referrals with the same temporary code, by the same or another organisation, and hold nothing', async () => {
    const first = await referWith({ personalIdentityCode: TEMPORARY.shared });
    const again = await referWith({ personalIdentityCode: TEMPORARY.shared });
    const other = await referWith({ personalIdentityCode: TEMPORARY.shared }, social);

    expect(new Set([first.clientRef, again.clientRef, other.clientRef]).size).toBe(3);
    expect(new Set([first.pathId, again.pathId, other.pathId]).size).toBe(3);
    // No LINK_REFERRAL task: nothing tells either organisation of the other's client.
    const tasks = await intake.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM referrer_task WHERE referral_id = ANY($1::uuid[])`,
      [[first.referralId, again.referralId, other.referralId]],
    );
    expect(tasks).toEqual([{ n: '0' }]);
  });

  it('attack: an organisation with no part in the path cannot read the unverified client; a receiver sees the code masked and no duplicates', async () => {
    const referral = await referWith({ personalIdentityCode: TEMPORARY.attack });

    expect(
      await intake.askError(INTAKE_COMMANDS.getClient, kumppaniksi, { pathId: referral.pathId }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const asReceiver = await clientOf(referral.pathId, tyonsilta);
    expect(asReceiver.personalIdentityCode).toBe('221188-****');
    expect(asReceiver).toMatchObject({ identityVerified: false, possibleDuplicates: [] });
    expect((await clientOf(referral.pathId)).personalIdentityCode).toBe(TEMPORARY.attack);
  });

  it('should verify the client when the owner records a permanent code nobody has, with an event that carries no identity, and find the client by it from then on', async () => {
    // Names of its own: the first test's client has the same temporary code and so birth date.
    const referral = await referWith({
      personalIdentityCode: TEMPORARY.hospital,
      givenNames: 'Verifioitava',
    });

    const answer = await recordCode(referral.pathId, PERMANENT.verified, 1);

    expect(answer).toEqual({
      clientRef: referral.clientRef,
      identityStatus: 'VERIFIED',
      identityVerified: true,
      version: 2,
      possibleDuplicates: [],
    });
    const view = await clientOf(referral.pathId);
    expect(view).toMatchObject({
      personalIdentityCode: PERMANENT.verified,
      birthDate: '1995-03-03',
    });
    const [event] = await outboxEvents(
      intake.dataSource,
      CLIENT_IDENTITY_VERIFIED_V1.subject,
      referral.pathId,
    );
    expect(event.data).toEqual({ identityVerified: true, basis: 'PERMANENT_CODE_RECORDED' });
    expect(validateEvent(CLIENT_IDENTITY_VERIFIED_V1.subject, event)).toMatchObject({ ok: true });
    expect(JSON.stringify(event)).not.toMatch(/030395|245S/);
    // Verified now: a later referral with the permanent code finds this client and its path —
    // whose referral still waits, so it is refused up front (docs/path-rules.md), where an
    // unmatched code would have made a new client with a path of its own.
    const { personalIdentityCode: _unused, ...rest } = referralOf(
      'unused',
      org.tyonsilta.id,
    ).client;
    const later = await intake.askError(INTAKE_COMMANDS.createReferral, employment, {
      ...referralOf('unused', org.tyonsilta.id),
      client: { ...rest, personalIdentityCode: PERMANENT.verified },
    });
    expect(later).toMatchObject({ code: 'CONFLICT', details: { pathState: 'REFERRED' } });
    expect(later.message).toContain('still waiting for an answer');
  });

  it('should list a client that already has the code as a possible duplicate with an opaque reference only, and link and unlink them with events', async () => {
    const holder = await referWith({ personalIdentityCode: PERMANENT.taken }, social);
    const unverified = await referWith({ birthDate: '1990-06-14' });

    const recorded = await recordCode(unverified.pathId, PERMANENT.taken, 1);

    expect(recorded).toMatchObject({
      identityStatus: 'UNVERIFIED',
      identityVerified: false,
      version: 2,
    });
    expect(recorded.possibleDuplicates).toHaveLength(1);
    const [duplicate] = recorded.possibleDuplicates;
    expect(Object.keys(duplicate).sort()).toEqual(['duplicateRef', 'match']);
    expect(duplicate.match).toBe('SAME_CODE');
    expect(duplicate.duplicateRef).not.toBe(holder.clientRef);
    expect(JSON.stringify(recorded)).not.toContain(holder.clientRef);
    expect(JSON.stringify(recorded)).not.toContain(holder.pathId);
    expect(JSON.stringify(recorded)).not.toContain(org.socialServices.id);
    expect((await clientOf(unverified.pathId)).possibleDuplicates).toEqual([duplicate]);

    const linked = await link(unverified.pathId, duplicate.duplicateRef, 2);

    expect(linked).toMatchObject({
      identityStatus: 'LINKED',
      identityVerified: true,
      version: 3,
      possibleDuplicates: [],
    });
    expect(await clientRow(holder.clientRef)).toMatchObject({
      identity_status: 'VERIFIED',
      version: 1,
    });
    // Paths keep their clientRef: the link moves nothing.
    expect((await clientOf(unverified.pathId)).clientRef).toBe(unverified.clientRef);

    const unlinked = await unlink(unverified.pathId, linked.linkId, 3);

    expect(unlinked).toMatchObject({
      linkId: linked.linkId,
      identityStatus: 'UNVERIFIED',
      identityVerified: false,
      version: 4,
      possibleDuplicates: [duplicate],
    });
    const [row] = await intake.dataSource.query<
      { linked_by_user: string; unlinked_by_user: string; unlinked_at: Date | null }[]
    >('SELECT linked_by_user, unlinked_by_user, unlinked_at FROM client_link WHERE id = $1', [
      linked.linkId,
    ]);
    expect(row).toMatchObject({
      linked_by_user: employment.userId,
      unlinked_by_user: employment.userId,
    });
    expect(row.unlinked_at).not.toBeNull();
    const [linkedEvent] = await outboxEvents(
      intake.dataSource,
      CLIENTS_LINKED_V1.subject,
      unverified.pathId,
    );
    const [unlinkedEvent] = await outboxEvents(
      intake.dataSource,
      CLIENTS_UNLINKED_V1.subject,
      unverified.pathId,
    );
    expect(linkedEvent.data).toEqual({
      linkId: linked.linkId,
      match: 'SAME_CODE',
      identityVerified: true,
      identityStatus: 'LINKED',
    });
    expect(unlinkedEvent.data).toEqual({
      linkId: linked.linkId,
      identityVerified: false,
      identityStatus: 'UNVERIFIED',
    });
    expect(validateEvent(CLIENTS_LINKED_V1.subject, linkedEvent)).toMatchObject({ ok: true });
    expect(validateEvent(CLIENTS_UNLINKED_V1.subject, unlinkedEvent)).toMatchObject({ ok: true });
    for (const event of [linkedEvent, unlinkedEvent]) {
      expect(JSON.stringify(event)).not.toContain(holder.clientRef);
      expect(JSON.stringify(event)).not.toMatch(/140690|3723/);
    }
    // Reversible both ways: the duplicate can be linked again.
    expect((await link(unverified.pathId, duplicate.duplicateRef, 4)).identityStatus).toBe(
      'LINKED',
    );
  });

  it('should list an unverified client of another organisation with the same names and birth date when the code verifies this one, and link that one to it', async () => {
    const names = { givenNames: 'Amina Sara', familyName: 'Hassan' };
    const elsewhere = await intake.ask<CreateReferralResult>(
      INTAKE_COMMANDS.createReferral,
      social,
      {
        ...referralOf('unused', org.tyonsilta.id),
        client: { ...names, birthDate: '1979-08-28', language: 'other', addressProtected: false },
      },
    );
    const here = await intake.ask<CreateReferralResult>(
      INTAKE_COMMANDS.createReferral,
      employment,
      {
        ...referralOf('unused', org.tyonsilta.id),
        client: {
          ...names,
          givenNames: ' amina  SARA',
          birthDate: '1979-08-28',
          language: 'other',
          addressProtected: false,
        },
      },
    );

    const recorded = await recordCode(here.pathId, PERMANENT.names, 1);

    expect(recorded).toMatchObject({ identityStatus: 'VERIFIED', version: 2 });
    expect(recorded.possibleDuplicates).toEqual([
      { duplicateRef: expect.any(String), match: 'SAME_NAMES_AND_BIRTH_DATE' },
    ]);
    const linked = await link(here.pathId, recorded.possibleDuplicates[0].duplicateRef, 2);
    expect(linked).toMatchObject({ identityStatus: 'VERIFIED', version: 3 });
    // The other organisation's client now stands linked; it sees nothing of this one.
    const theirs = await clientOf(elsewhere.pathId, social);
    expect(theirs).toMatchObject({
      identityStatus: 'LINKED',
      identityVerified: true,
      personalIdentityCode: null,
      version: 2,
    });
    expect(JSON.stringify(theirs)).not.toContain(here.clientRef);
  });

  it('attack: only the owner records a code — a receiver is refused, an organisation with no part gets not-found, and nothing changes', async () => {
    const referral = await referWith({ birthDate: '1988-11-22' });

    expect(await recordCodeError(referral.pathId, PERMANENT.attack, 1, tyonsilta)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await recordCodeError(referral.pathId, PERMANENT.attack, 1, kumppaniksi)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await clientRow(referral.clientRef)).toMatchObject({
      identity_status: 'UNVERIFIED',
      version: 1,
    });
  });

  it('attack: a code already held is not an oracle — an organisation with no path of that person learns nothing, and each unverified client takes one code only', async () => {
    const holder = await referWith({ personalIdentityCode: PERMANENT.attack }, social);
    const probe = await referWith({ birthDate: '1985-10-09' });

    // Not the owner: refused before the code is looked at, the same answer for any code.
    const asReceiver = await recordCodeError(probe.pathId, PERMANENT.attack, 1, tyonsilta);
    const asReceiverFresh = await recordCodeError(probe.pathId, '131052-308T', 1, tyonsilta);
    expect(asReceiver).toEqual(asReceiverFresh);

    // The owner learns that a match exists (it has the person in front of it) — once.
    const first = await recordCode(probe.pathId, PERMANENT.attack, 1);
    expect(first.possibleDuplicates).toHaveLength(1);
    const second = await recordCodeError(probe.pathId, '131052-308T', 2, employment);
    expect(second).toMatchObject({ code: 'CONFLICT' });
    expect(second.message).not.toMatch(/131052|308T/);

    // A stale version is refused as such, whatever the code.
    expect(await recordCodeError(probe.pathId, '131052-308T', 1, employment)).toMatchObject({
      code: 'PRECONDITION_FAILED',
    });

    // A temporary code is not a permanent one and is refused without effect.
    const fresh = await referWith({ birthDate: '1985-10-09' });
    expect(await recordCodeError(fresh.pathId, TEMPORARY.attack, 1, employment)).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await clientRow(fresh.clientRef)).toMatchObject({
      identity_status: 'UNVERIFIED',
      version: 1,
    });

    // The holder's owner sees nothing of the probe: no duplicate, no change.
    expect((await clientOf(holder.pathId, social)).possibleDuplicates).toEqual([]);
    expect(await clientRow(holder.clientRef)).toMatchObject({ version: 1 });
  });

  it('attack: a duplicate reference or a link of another path is not found on this one', async () => {
    const holder = await referWith({ personalIdentityCode: '170584-456C' }, social);
    const mine = await referWith({ birthDate: '1984-05-17' });
    const theirs = await referWith({ birthDate: '1984-05-17' }, social);
    const recorded = await recordCode(mine.pathId, '170584-456C', 1);
    const { duplicateRef } = recorded.possibleDuplicates[0];

    // Social owns its own unverified client's path, but the duplicate is not of its client.
    expect(
      await intake.askError(INTAKE_COMMANDS.linkClients, social, {
        pathId: theirs.pathId,
        expectedVersion: 1,
        body: { duplicateRef },
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const linked = await link(mine.pathId, duplicateRef, 2);
    expect(
      await intake.askError(INTAKE_COMMANDS.unlinkClients, social, {
        pathId: theirs.pathId,
        id: linked.linkId,
        expectedVersion: 1,
        body: {},
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await intake.askError(INTAKE_COMMANDS.unlinkClients, social, {
        pathId: holder.pathId,
        id: linked.linkId,
        expectedVersion: 1,
        body: {},
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await clientRow(mine.clientRef)).toMatchObject({ identity_status: 'LINKED' });
  });

  it('attack: a referral with the permanent code recorded on an unverified client finds the verified holder, never the unverified record', async () => {
    const code = '121270-131P';
    const holder = await referWith({ personalIdentityCode: code }, social);
    const unverified = await referWith({ birthDate: '1970-12-12' });
    await recordCode(unverified.pathId, code, 1);

    const referral = await referWith(
      { personalIdentityCode: code },
      employment,
      org.kumppaniksi.id,
    );

    expect(referral.clientRef).toBe(holder.clientRef);
    expect(referral.clientRef).not.toBe(unverified.clientRef);
    expect(referral.identityVerified).toBe(true);
  });
});
