import {
  HANDOFF_ACCEPTED_V1,
  HANDOFF_PROPOSED_V1,
  INTAKE_COMMANDS,
  OWNERSHIP_TRANSFERRED_V1,
  REFERRAL_LINKED_V1,
  validateEvent,
  type CreateReferralResult,
} from '@polku/contracts';
import { newEvent, outboxEvents, waitFor } from '@polku/testing';
import {
  caseworkerOf,
  ORGS,
  referralOf,
  startIntakeService,
  type IntakeService,
} from './support/intake-service';

// The consent and referral rules of docs/auth.md, tried as attacks through the real service:
// commands over NATS with the principal the gateway would send, real PostgreSQL.
const org = ORGS;
const employment = caseworkerOf('employmentArea');
const social = caseworkerOf('socialServices');
const tyonsilta = caseworkerOf('tyonsilta');
const kumppaniksi = caseworkerOf('kumppaniksi');
const CODES = {
  selfGrant: '010190-123M',
  unrelated: '150285-2465',
  withdrawal: '131052-308T',
  // Clients of their own: a second referral of a client whose referral waits would be refused.
  ownerGrant: '150363-412M',
  requestedWithdrawal: '160464-414D',
  prior: '240503A357T',
  existing: '311299-468A',
  handoff: '121270-131P',
  fresh: '020202-123C',
  staleWithdrawal: '070786-2447',
} as const;

describe('consent and referral rules', () => {
  let intake: IntakeService;

  beforeAll(async () => {
    intake = await startIntakeService();
  });

  afterAll(async () => {
    await intake.close();
  });

  const refer = (code: string, toOrgId: string, extra: object = {}, by = employment) =>
    intake.ask<CreateReferralResult>(
      INTAKE_COMMANDS.createReferral,
      by,
      referralOf(code, toOrgId, extra),
    );
  const consentFor = (orgIds: string[], dataClasses: string[]) => ({
    orgIds,
    dataClasses,
    howGiven: 'WRITTEN',
    purpose: 'CLIENT_WORK',
  });
  const check = (pathId: string, orgId: string, dataClass: string) =>
    intake.ask<{ allowed: boolean }>(INTAKE_COMMANDS.checkConsent, employment, {
      pathId,
      orgId,
      dataClass,
    });

  it('statutory referrer: refuses a referral whose token claims a role the registry does not give its organisation, and writes nothing', async () => {
    const code = '170584-456C';
    const clients = () =>
      intake.dataSource.query<{ count: string }[]>('SELECT count(*) FROM client_path');
    const before = await clients();
    // A provider claiming the employment authority's role, and an organisation the registry
    // does not know claiming social services: neither refers under a law it does not have.
    const claimed = { ...tyonsilta, orgRole: 'EMPLOYMENT_AUTHORITY' as const };
    const unknown = { ...social, orgId: '7d0e5f1a-0000-4000-8000-00000000e0ff' };

    const refusedClaim = await intake.askError(
      INTAKE_COMMANDS.createReferral,
      claimed,
      referralOf(code, org.kumppaniksi.id),
    );
    const refusedUnknown = await intake.askError(
      INTAKE_COMMANDS.createReferral,
      unknown,
      referralOf(code, org.kumppaniksi.id),
    );

    expect(refusedClaim).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('registered as PROVIDER'),
    });
    expect(refusedUnknown).toMatchObject({ code: 'FORBIDDEN' });
    expect(await clients()).toEqual(before);
  });

  it('should refuse a consent that a receiver records naming itself, and grant it nothing', async () => {
    const { pathId } = await refer(CODES.selfGrant, org.tyonsilta.id);

    const refused = await intake.askError(INTAKE_COMMANDS.grantConsent, tyonsilta, {
      pathId,
      body: consentFor([org.tyonsilta.id], ['PATH', 'HEALTH_FLAG']),
    });

    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(await check(pathId, org.tyonsilta.id, 'HEALTH_FLAG')).toEqual({ allowed: false });
    const listed = await intake.ask<{ items: unknown[] }>(
      INTAKE_COMMANDS.listConsents,
      employment,
      { pathId, limit: 100 },
    );
    expect(listed.items).toEqual([]);
  });

  it('should let the owner record a consent for a named recipient on the client’s statement', async () => {
    const { pathId } = await refer(CODES.ownerGrant, org.tyonsilta.id, {}, employment);

    await intake.ask(INTAKE_COMMANDS.grantConsent, employment, {
      pathId,
      body: consentFor([org.tyonsilta.id], ['HEALTH_FLAG']),
    });

    expect(await check(pathId, org.tyonsilta.id, 'HEALTH_FLAG')).toMatchObject({ allowed: true });
  });

  it('should answer not found, revealing nothing, when an unrelated organisation records a consent for a path', async () => {
    const { pathId } = await refer(CODES.unrelated, org.tyonsilta.id);

    const refused = await intake.askError(INTAKE_COMMANDS.grantConsent, social, {
      pathId,
      body: consentFor([org.socialServices.id], ['PATH', 'PLAN']),
    });

    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.stringify(refused)).not.toContain(org.employmentArea.id);
    expect(await check(pathId, org.socialServices.id, 'PATH')).toEqual({ allowed: false });
  });

  it('should refuse a withdrawal by an organisation that neither recorded the consent nor acts on the client’s request', async () => {
    const { pathId } = await refer(CODES.withdrawal, org.tyonsilta.id, {
      consent: consentFor([org.tyonsilta.id], ['PATH', 'PLAN']),
    });
    const [consent] = (
      await intake.ask<{ items: { consentId: string }[] }>(
        INTAKE_COMMANDS.listConsents,
        employment,
        { pathId, limit: 100 },
      )
    ).items;

    // The receiver is a party (the consent names it) but did not record the consent.
    const refused = await intake.askError(INTAKE_COMMANDS.withdrawConsent, tyonsilta, {
      pathId,
      id: consent.consentId,
      expectedVersion: 1,
      body: {},
    });
    // Even claiming the client asked: the receiver does not hold the client relationship.
    const claimed = await intake.askError(INTAKE_COMMANDS.withdrawConsent, tyonsilta, {
      pathId,
      id: consent.consentId,
      expectedVersion: 1,
      body: { onClientRequest: true },
    });

    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(claimed).toMatchObject({ code: 'FORBIDDEN' });
    expect(await check(pathId, org.tyonsilta.id, 'PLAN')).toMatchObject({ allowed: true });
  });

  it('should withdraw on the client’s explicit request through the organisation holding the relationship, at once', async () => {
    const { pathId } = await refer(CODES.requestedWithdrawal, org.kumppaniksi.id, {}, employment);
    // The consent was recorded by the owner; after a hand-off the owner may change, but here a
    // withdrawal on the client's request is recorded by the owner and says so.
    const { consentId } = await intake.ask<{ consentId: string }>(
      INTAKE_COMMANDS.grantConsent,
      employment,
      {
        pathId,
        body: consentFor([org.kumppaniksi.id], ['PLAN']),
      },
    );

    const withdrawn = await intake.ask(INTAKE_COMMANDS.withdrawConsent, employment, {
      pathId,
      id: consentId,
      expectedVersion: 1,
      body: { onClientRequest: true },
    });

    expect(withdrawn).toMatchObject({
      withdrawnConsentId: consentId,
      onClientRequest: true,
      version: 2,
    });
    expect(await check(pathId, org.kumppaniksi.id, 'PLAN')).toEqual({ allowed: false });
    expect(
      await outboxEvents(intake.dataSource, 'polku.intake.consent.consent-withdrawn.v1', pathId),
    ).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ withdrawnConsentId: consentId }) }),
    ]);
  });

  it('should answer PRECONDITION_FAILED to a withdrawal at a stale version and keep the consent in force', async () => {
    const { pathId } = await refer(CODES.staleWithdrawal, org.kumppaniksi.id, {}, employment);
    const { consentId } = await intake.ask<{ consentId: string }>(
      INTAKE_COMMANDS.grantConsent,
      employment,
      { pathId, body: consentFor([org.kumppaniksi.id], ['PLAN']) },
    );
    const listed = () =>
      intake.ask<{ items: { consentId: string; kind: string; version: number }[] }>(
        INTAKE_COMMANDS.listConsents,
        employment,
        { pathId, limit: 100 },
      );
    expect((await listed()).items).toEqual([
      expect.objectContaining({ consentId, kind: 'GRANT', version: 1 }),
    ]);

    const stale = await intake.askError(INTAKE_COMMANDS.withdrawConsent, employment, {
      pathId,
      id: consentId,
      expectedVersion: 2,
      body: {},
    });
    const missing = await intake.askError(INTAKE_COMMANDS.withdrawConsent, employment, {
      pathId,
      id: consentId,
      body: {},
    });

    expect(stale).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { expectedVersion: 2, currentVersion: 1 },
    });
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await check(pathId, org.kumppaniksi.id, 'PLAN')).toMatchObject({ allowed: true });
    expect((await listed()).items).toEqual([expect.objectContaining({ consentId, version: 1 })]);
    expect(
      await outboxEvents(intake.dataSource, 'polku.intake.consent.consent-withdrawn.v1', pathId),
    ).toEqual([]);

    // Once withdrawn, the grant is at version 2: a withdrawal based on version 1 is stale.
    await intake.ask(INTAKE_COMMANDS.withdrawConsent, employment, {
      pathId,
      id: consentId,
      expectedVersion: 1,
      body: {},
    });
    expect(
      await intake.askError(INTAKE_COMMANDS.withdrawConsent, employment, {
        pathId,
        id: consentId,
        expectedVersion: 1,
        body: {},
      }),
    ).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect((await listed()).items).toEqual([
      expect.objectContaining({ consentId, kind: 'GRANT', version: 2 }),
      expect.objectContaining({ kind: 'WITHDRAWAL', version: 1 }),
    ]);
  });

  it('should not disclose prior information that the package’s own consent does not cover now', async () => {
    const { pathId, referralId } = await refer(CODES.prior, org.tyonsilta.id, {
      consent: consentFor([org.tyonsilta.id], ['PATH', 'PLAN']),
      priorInformation: { summary: 'Mornings are hard; start at ten.' },
    });
    const [packageConsent] = (
      await intake.ask<{ items: { consentId: string }[] }>(
        INTAKE_COMMANDS.listConsents,
        employment,
        { pathId, limit: 100 },
      )
    ).items;
    // A second consent covers the same classes for the receiver, for client work.
    await intake.ask(INTAKE_COMMANDS.grantConsent, employment, {
      pathId,
      body: consentFor([org.tyonsilta.id], ['PATH', 'PLAN']),
    });
    const read = () =>
      intake.ask<Record<string, unknown>>(INTAKE_COMMANDS.getPriorInformation, tyonsilta, {
        pathId,
        id: referralId,
      });
    const before = await read();

    await intake.ask(INTAKE_COMMANDS.withdrawConsent, employment, {
      pathId,
      id: packageConsent.consentId,
      expectedVersion: 1,
      body: {},
    });
    const after = await read();

    expect(before).toMatchObject({ summary: 'Mornings are hard; start at ten.', withheld: [] });
    // The receiver still sees the path on the second consent, but not the package.
    expect(after).not.toHaveProperty('summary');
    expect(after).toMatchObject({ withheld: ['summary'] });
  });

  it('should give an organisation that refers a client with an open path no access to that path, and tell it nothing of it', async () => {
    const first = await refer(CODES.existing, org.tyonsilta.id);
    const fresh = await refer(CODES.fresh, org.kumppaniksi.id, {}, social);

    const second = await refer(CODES.existing, org.kumppaniksi.id, {}, social);

    // The reply has the shape of a fresh referral's and names another path.
    expect(Object.keys(second).sort()).toEqual(Object.keys(fresh).sort());
    expect(second.pathId).not.toBe(first.pathId);
    expect(JSON.stringify(second)).not.toContain(first.pathId);
    expect(JSON.stringify(second)).not.toContain(first.referralId);
    // Nothing of the open path reaches the referrer: not its referrals, not its client.
    for (const command of [INTAKE_COMMANDS.listReferrals, INTAKE_COMMANDS.getClient]) {
      expect(
        await intake.askError(command, social, { pathId: first.pathId, limit: 100 }),
      ).toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    expect(await check(first.pathId, org.socialServices.id, 'PATH')).toEqual({ allowed: false });
    // The events of the new referral are on its own path only.
    expect(
      (
        await outboxEvents(
          intake.dataSource,
          'polku.intake.referral.client-referred.v1',
          first.pathId,
        )
      ).length,
    ).toBe(1);
    // The owner of the open path learns of it as a task.
    const tasks = await intake.ask<{
      items: { kind: string; pathId: string; referralId: string }[];
    }>(INTAKE_COMMANDS.listTasks, employment, { limit: 100 });
    expect(tasks.items).toContainEqual(
      expect.objectContaining({
        kind: 'LINK_REFERRAL',
        pathId: first.pathId,
        referralId: second.referralId,
      }),
    );
  });

  it('should join the referral to the open path only when its owner links it', async () => {
    const first = await intake.ask<{
      items: { pathId: string; referralId: string; kind: string }[];
    }>(INTAKE_COMMANDS.listTasks, employment, { limit: 100 });
    const task = first.items.find((item) => item.kind === 'LINK_REFERRAL');
    if (task === undefined) {
      throw new Error('the previous test left no LINK_REFERRAL task');
    }
    // Another organisation cannot link it, nor can the referrer itself.
    expect(
      await intake.askError(INTAKE_COMMANDS.linkReferral, social, {
        pathId: task.pathId,
        body: { referralId: task.referralId },
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });

    const linked = await intake.ask(INTAKE_COMMANDS.linkReferral, employment, {
      pathId: task.pathId,
      body: { referralId: task.referralId },
    });

    expect(linked).toMatchObject({
      pathId: task.pathId,
      referralId: task.referralId,
      basis: 'OWNER_ACCEPTED',
    });
    expect(await check(task.pathId, org.socialServices.id, 'PATH')).toMatchObject({
      allowed: true,
    });
    // The other services' access projections learn of it from the event written with the link.
    const [event] = await outboxEvents(intake.dataSource, REFERRAL_LINKED_V1.subject, task.pathId);
    expect(validateEvent(REFERRAL_LINKED_V1.subject, event)).toMatchObject({ ok: true });
    expect(event).toMatchObject({
      emitter: { orgId: org.employmentArea.id },
      data: {
        referralId: task.referralId,
        fromOrgId: org.socialServices.id,
        toOrgId: org.kumppaniksi.id,
        basis: 'OWNER_ACCEPTED',
      },
    });
    expect(event.data.heldPathId).not.toBe(task.pathId);
    expect(JSON.stringify(event)).not.toContain(CODES.existing);
    // Linked once: the task is done.
    expect(
      await intake.askError(INTAKE_COMMANDS.linkReferral, employment, {
        pathId: task.pathId,
        body: { referralId: task.referralId },
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should show the identity code and the protected address to the new owner after a hand-off, and no longer to the first referrer', async () => {
    const referred = await refer(CODES.handoff, org.tyonsilta.id);
    const { pathId, clientRef } = referred;
    const handoff = newEvent(HANDOFF_PROPOSED_V1.subject, {
      data: { receivingOrgId: org.kumppaniksi.id },
    });
    const envelope = {
      pathId,
      clientRef,
      emitter: {
        ...handoff.emitter,
        orgId: org.employmentArea.id,
        orgRole: 'EMPLOYMENT_AUTHORITY' as const,
      },
      legalBasis: 'Act on Organising Employment Services 380/2023',
    };
    const getClient = (as: typeof employment) =>
      intake.ask<{ personalIdentityCode: string; address: unknown }>(
        INTAKE_COMMANDS.getClient,
        as,
        {
          pathId,
        },
      );
    expect(await getClient(employment)).toMatchObject({ personalIdentityCode: CODES.handoff });

    await intake.publish(HANDOFF_PROPOSED_V1.subject, { ...envelope, data: handoff.data });
    await intake.publish(HANDOFF_ACCEPTED_V1.subject, {
      ...envelope,
      emitter: { ...envelope.emitter, orgId: org.kumppaniksi.id, orgRole: 'PROVIDER' },
      data: { ...newEvent(HANDOFF_ACCEPTED_V1.subject).data, handoffId: handoff.data.handoffId },
    });
    await intake.publish(OWNERSHIP_TRANSFERRED_V1.subject, {
      ...envelope,
      data: {
        ...newEvent(OWNERSHIP_TRANSFERRED_V1.subject).data,
        fromOrgId: org.employmentArea.id,
        toOrgId: org.kumppaniksi.id,
      },
    });
    const asNewOwner = await waitFor(
      async () => {
        const view = await getClient(kumppaniksi).catch(() => undefined);
        return view?.personalIdentityCode === CODES.handoff ? view : undefined;
      },
      { description: 'client-intake to follow the hand-off' },
    );

    expect(asNewOwner.address).not.toBeNull();
    const asFirstReferrer = await getClient(employment);
    expect(asFirstReferrer.personalIdentityCode).toBe('121270-****');
    expect(asFirstReferrer.address).toBeNull();
  });
});
