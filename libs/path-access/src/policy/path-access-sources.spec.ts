import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import { decidePathAccess } from './path-access-policy';
import {
  ACCOUNTABLE_ORGANISATION_LEGAL_BASIS,
  pathAccessFactsFrom,
  type ReferralAccessSource,
} from './path-access-sources';

const referrer = randomUUID();
const receiver = randomUUID();
const pathId = randomUUID();
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));
const caseworker = (orgId: string): Principal => ({
  userId: 'u',
  orgId,
  orgRole: 'PROVIDER',
  roles: ['CASEWORKER'],
  issuer: 'i',
});

const referral = (overrides: Partial<ReferralAccessSource> = {}): ReferralAccessSource => ({
  fromOrgId: referrer,
  toOrgId: receiver,
  referrerBasis: { kind: 'LEGAL_BASIS', code: 'L' },
  isReferral: true,
  receiverBasis: { kind: 'LEGAL_BASIS', code: 'L' },
  referredAt: at(0),
  outcome: null,
  decidedAt: null,
  ...overrides,
});

describe('pathAccessFactsFrom', () => {
  it('should know no path while only a decision has been seen (events may come out of order)', () => {
    const decisionOnly = referral({
      fromOrgId: null,
      toOrgId: null,
      referrerBasis: null,
      receiverBasis: null,
      referredAt: null,
      outcome: 'DECLINED',
      decidedAt: at(5),
    });
    expect(pathAccessFactsFrom(pathId, [decisionOnly], [])).toBeUndefined();
  });

  it('should let a pending receiver see the path skeleton until it declines', () => {
    const pending = pathAccessFactsFrom(pathId, [referral()], []);
    expect(decidePathAccess(caseworker(receiver), pending, 'PATH', at(3)).allowed).toBe(true);
    const declined = pathAccessFactsFrom(
      pathId,
      [referral({ outcome: 'DECLINED', decidedAt: at(5) })],
      [],
    );
    expect(decidePathAccess(caseworker(receiver), declined, 'PATH', at(6)).allowed).toBe(false);
    expect(decidePathAccess(caseworker(referrer), declined, 'PATH', at(6)).allowed).toBe(true);
  });

  it('should make an accepting receiver a plan party and the first referrer the owner', () => {
    const facts = pathAccessFactsFrom(
      pathId,
      [referral({ outcome: 'ACCEPTED', decidedAt: at(5) })],
      [],
    );
    expect(decidePathAccess(caseworker(receiver), facts, 'PATH', at(6))).toMatchObject({
      allowed: true,
      relations: ['PLAN_PARTY'],
    });
    expect(decidePathAccess(caseworker(referrer), facts, 'PATH', at(6))).toMatchObject({
      allowed: true,
      relations: ['OWNER', 'REFERRER'],
    });
  });

  it('should cover a consent’s data classes until it is withdrawn, whatever arrived first', () => {
    const consentId = randomUUID();
    const withdrawnFirst = pathAccessFactsFrom(
      pathId,
      [referral()],
      [
        {
          consentId,
          orgIds: [receiver],
          dataClasses: ['PLAN'],
          validFrom: at(1),
          validTo: null,
          withdrawnAt: at(4),
        },
      ],
    );
    expect(decidePathAccess(caseworker(receiver), withdrawnFirst, 'PLAN', at(3))).toMatchObject({
      allowed: true,
      basis: { kind: 'CONSENT', consentId },
    });
    expect(decidePathAccess(caseworker(receiver), withdrawnFirst, 'PLAN', at(4)).allowed).toBe(
      false,
    );
    const withdrawalOnly = pathAccessFactsFrom(
      pathId,
      [referral()],
      [
        {
          consentId,
          orgIds: null,
          dataClasses: null,
          validFrom: null,
          validTo: null,
          withdrawnAt: at(4),
        },
      ],
    );
    expect(decidePathAccess(caseworker(receiver), withdrawalOnly, 'PLAN', at(3)).allowed).toBe(
      false,
    );
  });
});

describe('pathAccessFactsFrom with a referral made on the client’s consent', () => {
  it('should hide the path from the receiver once that consent is withdrawn', () => {
    const consentId = randomUUID();
    const onConsent = referral({ receiverBasis: { kind: 'CONSENT', consentId } });
    const consent = {
      consentId,
      orgIds: [receiver],
      dataClasses: ['PATH' as const],
      validFrom: at(0),
      validTo: null,
      withdrawnAt: at(4),
    };
    const facts = pathAccessFactsFrom(pathId, [onConsent], [consent]);
    expect(decidePathAccess(caseworker(receiver), facts, 'PATH', at(3)).allowed).toBe(true);
    expect(decidePathAccess(caseworker(receiver), facts, 'PATH', at(4)).allowed).toBe(false);
    // The referrer keeps its own basis.
    expect(decidePathAccess(caseworker(referrer), facts, 'PATH', at(5)).allowed).toBe(true);
  });
});

describe('pathAccessFactsFrom with a hand-off proposed on a consent', () => {
  const sender = randomUUID();
  const consentId = randomUUID();
  const sendersConsent = {
    consentId,
    orgIds: [sender],
    dataClasses: ['PATH' as const, 'PLAN' as const, 'HEALTH_FLAG' as const],
    validFrom: at(0),
    validTo: null,
    withdrawnAt: null,
  };
  const handoff = referral({
    fromOrgId: sender,
    referrerBasis: null,
    isReferral: false,
    receiverBasis: { kind: 'CONSENT', consentId },
    referredAt: at(2),
  });

  it('hand-off receiver: gets no cover from a consent that names only the sender', () => {
    const facts = pathAccessFactsFrom(pathId, [referral(), handoff], [sendersConsent]);
    for (const dataClass of ['PATH', 'PLAN', 'HEALTH_FLAG'] as const) {
      expect(decidePathAccess(caseworker(receiver), facts, dataClass, at(3))).toMatchObject({
        allowed: dataClass === 'PATH', // the first referral's own law covers PATH only
      });
    }
    const onlyHandoff = pathAccessFactsFrom(
      pathId,
      [referral({ toOrgId: sender }), { ...handoff, toOrgId: receiver }],
      [sendersConsent],
    );
    expect(decidePathAccess(caseworker(receiver), onlyHandoff, 'PATH', at(3))).toMatchObject({
      allowed: false,
      reason: 'NOT_COVERED',
    });
  });

  it('hand-off receiver: gets no cover while the consent it is proposed on is not known', () => {
    const facts = pathAccessFactsFrom(pathId, [referral({ toOrgId: sender }), handoff], []);
    expect(decidePathAccess(caseworker(receiver), facts, 'PATH', at(3)).allowed).toBe(false);
  });

  it('should cover the receiver once the consent names it too', () => {
    const facts = pathAccessFactsFrom(
      pathId,
      [referral({ toOrgId: sender }), handoff],
      [{ ...sendersConsent, orgIds: [sender, receiver], dataClasses: ['PLAN' as const] }],
    );
    expect(decidePathAccess(caseworker(receiver), facts, 'PATH', at(3)).allowed).toBe(true);
    expect(decidePathAccess(caseworker(receiver), facts, 'HEALTH_FLAG', at(3)).allowed).toBe(false);
  });
});

describe('pathAccessFactsFrom with activation plan parties', () => {
  const socialServices = randomUUID();
  const workshop = randomUUID();

  it('should cover a statutory plan party for the plan by law while the plan names it', () => {
    const facts = pathAccessFactsFrom(
      pathId,
      [referral()],
      [],
      [{ orgId: socialServices, role: 'SOCIAL_SERVICES', since: at(10), until: at(20) }],
    );

    expect(decidePathAccess(caseworker(socialServices), facts, 'PLAN', at(9))).toEqual({
      allowed: false,
      reason: 'NOT_A_PARTY',
    });
    expect(decidePathAccess(caseworker(socialServices), facts, 'PLAN', at(15))).toEqual({
      allowed: true,
      relations: ['PLAN_PARTY'],
      basis: { kind: 'LEGAL_BASIS', code: 'Act on Rehabilitative Work Activity 189/2001' },
    });
    expect(decidePathAccess(caseworker(socialServices), facts, 'ATTENDANCE', at(15)).allowed).toBe(
      true,
    );
    expect(decidePathAccess(caseworker(socialServices), facts, 'HEALTH_FLAG', at(15))).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
    expect(decidePathAccess(caseworker(socialServices), facts, 'PLAN', at(20)).allowed).toBe(false);
  });

  it('should make any other plan party a party that still needs the client consent to see the plan', () => {
    const planParty = { orgId: workshop, role: 'PROVIDER' as const, since: at(10), until: null };
    const withoutConsent = pathAccessFactsFrom(pathId, [referral()], [], [planParty]);
    const withConsent = pathAccessFactsFrom(
      pathId,
      [referral()],
      [
        {
          consentId: randomUUID(),
          orgIds: [workshop],
          dataClasses: ['PLAN'],
          validFrom: at(0),
          validTo: null,
          withdrawnAt: null,
        },
      ],
      [planParty],
    );

    expect(decidePathAccess(caseworker(workshop), withoutConsent, 'PLAN', at(15))).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
    expect(decidePathAccess(caseworker(workshop), withConsent, 'PLAN', at(15)).allowed).toBe(true);
  });
});

describe('pathAccessFactsFrom with ownership transfers', () => {
  it('should move OWNER to the receiver of a completed hand-off and keep the first owner a referrer', () => {
    const nextProvider = randomUUID();
    const facts = pathAccessFactsFrom(
      pathId,
      [referral({ outcome: 'ACCEPTED', decidedAt: at(5) })],
      [],
      [],
      [{ toOrgId: nextProvider, at: at(30) }],
    );
    const relationsOf = (orgId: string, minute: number) =>
      facts?.parties
        .filter(
          (party) =>
            party.orgId === orgId &&
            party.since.getTime() <= at(minute).getTime() &&
            (party.until === null || at(minute).getTime() < party.until.getTime()),
        )
        .map((party) => party.relation);

    expect(relationsOf(referrer, 10)).toEqual(['OWNER', 'REFERRER']);
    expect(relationsOf(referrer, 40)).toEqual(['REFERRER']);
    expect(relationsOf(nextProvider, 40)).toEqual(['OWNER']);
    expect(relationsOf(nextProvider, 10)).toEqual([]);
  });
});

describe('pathAccessFactsFrom: the accountable organisation keeps the path on its task', () => {
  const consentId = randomUUID();
  /** The client's consent for the receiver, withdrawn at minute 20. */
  const withdrawnConsent = {
    consentId,
    orgIds: [receiver],
    dataClasses: ['PATH' as const, 'PLAN' as const, 'HEALTH_FLAG' as const],
    validFrom: at(0),
    validTo: null,
    withdrawnAt: at(20),
  };
  const onConsent = (overrides: Partial<ReferralAccessSource> = {}) =>
    referral({ receiverBasis: { kind: 'CONSENT', consentId }, ...overrides });

  it('should keep PATH for the receiver of an accepted referral after the consent is withdrawn, on the accountable organisation’s basis', () => {
    const facts = pathAccessFactsFrom(
      pathId,
      [onConsent({ outcome: 'ACCEPTED', decidedAt: at(5) })],
      [withdrawnConsent],
    );

    // While the consent covers, the consent stays the recorded basis.
    expect(decidePathAccess(caseworker(receiver), facts, 'PATH', at(10))).toMatchObject({
      allowed: true,
      basis: { kind: 'CONSENT', consentId },
    });
    expect(decidePathAccess(caseworker(receiver), facts, 'PATH', at(25))).toMatchObject({
      allowed: true,
      basis: { kind: 'LEGAL_BASIS', code: ACCOUNTABLE_ORGANISATION_LEGAL_BASIS },
    });
    // Only the path: what needs the consent goes with it.
    expect(decidePathAccess(caseworker(receiver), facts, 'PLAN', at(25))).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
    expect(decidePathAccess(caseworker(receiver), facts, 'HEALTH_FLAG', at(25)).allowed).toBe(
      false,
    );
    // The first referrer keeps its own law.
    expect(decidePathAccess(caseworker(referrer), facts, 'PATH', at(25))).toMatchObject({
      allowed: true,
      basis: { kind: 'LEGAL_BASIS', code: 'L' },
    });
  });

  it('should give a pending or declining receiver nothing once the consent is withdrawn', () => {
    const pending = pathAccessFactsFrom(pathId, [onConsent()], [withdrawnConsent]);
    const declined = pathAccessFactsFrom(
      pathId,
      [onConsent({ outcome: 'DECLINED', decidedAt: at(5) })],
      [withdrawnConsent],
    );

    expect(decidePathAccess(caseworker(receiver), pending, 'PATH', at(25)).allowed).toBe(false);
    expect(decidePathAccess(caseworker(receiver), declined, 'PATH', at(25)).allowed).toBe(false);
  });

  it('should move the cover with accountability: the hand-off’s receiver gains it, the former accountable organisation loses it', () => {
    const nextProvider = randomUUID();
    const handoffConsent = randomUUID();
    const facts = pathAccessFactsFrom(
      pathId,
      [
        onConsent({ outcome: 'ACCEPTED', decidedAt: at(5) }),
        referral({
          fromOrgId: receiver,
          toOrgId: nextProvider,
          referrerBasis: null,
          isReferral: false,
          receiverBasis: { kind: 'CONSENT', consentId: handoffConsent },
          referredAt: at(10),
          outcome: 'ACCEPTED',
          decidedAt: at(12),
        }),
      ],
      [
        withdrawnConsent,
        {
          consentId: handoffConsent,
          orgIds: [nextProvider],
          dataClasses: ['PATH'],
          validFrom: at(10),
          validTo: null,
          withdrawnAt: at(20),
        },
      ],
      [],
      [{ toOrgId: nextProvider, at: at(15) }],
    );

    // After the completed hand-off (15) and both withdrawals (20): the new owner sees the path,
    // the former accountable receiver, still a party, does not.
    expect(decidePathAccess(caseworker(nextProvider), facts, 'PATH', at(25))).toMatchObject({
      allowed: true,
      basis: { kind: 'LEGAL_BASIS', code: ACCOUNTABLE_ORGANISATION_LEGAL_BASIS },
    });
    expect(decidePathAccess(caseworker(receiver), facts, 'PATH', at(25))).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
    // Accepting a hand-off is not completing it: no cover before 15 but by the consent.
    expect(
      facts?.coverages.filter(
        (coverage) => coverage.orgId === nextProvider && coverage.basis.kind === 'LEGAL_BASIS',
      ),
    ).toEqual([expect.objectContaining({ validFrom: at(15), validTo: null })]);
  });

  it('should not make the receiver of a linked held path’s referral accountable for this path', () => {
    const heldReceiver = randomUUID();
    const facts = pathAccessFactsFrom(
      pathId,
      [
        referral(),
        referral({
          toOrgId: heldReceiver,
          receiverBasis: { kind: 'CONSENT', consentId },
          outcome: 'ACCEPTED',
          decidedAt: at(5),
          linkedFromHeldPath: true,
        }),
      ],
      [{ ...withdrawnConsent, orgIds: [heldReceiver] }],
    );

    expect(decidePathAccess(caseworker(heldReceiver), facts, 'PATH', at(10)).allowed).toBe(true);
    expect(decidePathAccess(caseworker(heldReceiver), facts, 'PATH', at(25)).allowed).toBe(false);
  });
});
