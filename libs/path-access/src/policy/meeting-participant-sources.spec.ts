import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import type { MeetingParticipantAccessSource } from './meeting-participant-sources';
import { decidePathAccess } from './path-access-policy';
import {
  pathAccessFactsFrom,
  type ConsentAccessSource,
  type ReferralAccessSource,
} from './path-access-sources';

const owner = randomUUID();
const workshop = randomUUID();
const invited = randomUUID();
const uninvited = randomUUID();
const pathId = randomUUID();
const consentId = randomUUID();
/** Minutes from 10:00 on the meeting's day. */
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute));
const caseworker = (orgId: string): Principal => ({
  userId: 'u',
  orgId,
  orgRole: 'SOCIAL_SERVICES',
  roles: ['CASEWORKER'],
  issuer: 'i',
});

// The owner referred the client to the workshop, which accepted, well before the meeting.
const referral: ReferralAccessSource = {
  fromOrgId: owner,
  toOrgId: workshop,
  referrerBasis: { kind: 'LEGAL_BASIS', code: 'L' },
  isReferral: true,
  receiverBasis: { kind: 'LEGAL_BASIS', code: 'L' },
  referredAt: at(-600),
  outcome: 'ACCEPTED',
  decidedAt: at(-590),
};
const consentNaming = (...orgIds: string[]): ConsentAccessSource => ({
  consentId,
  orgIds,
  dataClasses: ['PATH', 'PLAN'],
  validFrom: at(-1000),
  validTo: null,
  withdrawnAt: null,
});
// The meeting runs from 10:00 to 11:00 as planned; the invitees are the owner and `invited`.
const meeting = (
  overrides: Partial<MeetingParticipantAccessSource> = {},
): MeetingParticipantAccessSource => ({
  meetingId: randomUUID(),
  orgIds: [owner, invited],
  startsAt: at(0),
  endsAt: at(60),
  endedAt: null,
  ...overrides,
});
const seesPath = (
  orgId: string,
  meetings: MeetingParticipantAccessSource[],
  minute: number,
  consents = [consentNaming(invited, workshop)],
) =>
  decidePathAccess(
    caseworker(orgId),
    pathAccessFactsFrom(pathId, [referral], consents, [], [], meetings),
    'PATH',
    at(minute),
  );

describe('meeting participants in the access facts', () => {
  it.each([
    ['not before the meeting starts', meeting(), -1, false],
    ['from the start of the meeting', meeting(), 0, true],
    ['during the meeting', meeting(), 30, true],
    ['not at the planned end', meeting(), 60, false],
    ['not after the planned end, though it was never recorded', meeting(), 90, false],
    ['not after it was recorded as ended early', meeting({ endedAt: at(40) }), 45, false],
    ['until it was recorded as ended early', meeting({ endedAt: at(40) }), 39, true],
    ['not after a recorded end later than planned', meeting({ endedAt: at(80) }), 70, false],
    ['not after it was cancelled during it', meeting({ endedAt: at(10) }), 20, false],
    ['never when it was cancelled before it starts', meeting({ endedAt: at(-30) }), 30, false],
  ])(
    'should let an invited organisation with the client’s consent see the path %s',
    (_case, source, minute, allowed) => {
      expect(seesPath(invited, [source], minute).allowed).toBe(allowed);
    },
  );

  it('should record MEETING_PARTICIPANT and the consent as what let the invited organisation in', () => {
    expect(seesPath(invited, [meeting()], 30)).toEqual({
      allowed: true,
      relations: ['MEETING_PARTICIPANT'],
      basis: { kind: 'CONSENT', consentId },
    });
  });

  it('should make an invited organisation a party but cover nothing when no consent names it', () => {
    expect(seesPath(invited, [meeting()], 30, [consentNaming(workshop)])).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
    expect(seesPath(invited, [meeting()], 30, [])).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
  });

  it('should give an organisation that was not invited nothing, even when a consent names it', () => {
    expect(seesPath(uninvited, [meeting()], 30, [consentNaming(uninvited)])).toEqual({
      allowed: false,
      reason: 'NOT_A_PARTY',
    });
  });

  it('should let an invitee that is a party otherwise keep its access after the meeting', () => {
    const withWorkshop = meeting({ orgIds: [owner, workshop, invited], endedAt: at(50) });
    expect(seesPath(workshop, [withWorkshop], 30)).toMatchObject({
      allowed: true,
      relations: ['PLAN_PARTY', 'MEETING_PARTICIPANT'],
    });
    expect(seesPath(workshop, [withWorkshop], 90)).toMatchObject({
      allowed: true,
      relations: ['PLAN_PARTY'],
    });
    expect(seesPath(invited, [withWorkshop], 90)).toMatchObject({ allowed: false });
  });

  it('should make nobody a party of a meeting cancelled before it starts', () => {
    const cancelled = meeting({ endedAt: at(-30) });
    const facts = pathAccessFactsFrom(pathId, [referral], [], [], [], [cancelled]);
    expect(facts?.parties.filter((party) => party.relation === 'MEETING_PARTICIPANT')).toEqual([]);
  });

  it('should make nobody a party of a meeting only known as held or cancelled, until its schedule comes', () => {
    const endOnly = meeting({ orgIds: null, startsAt: null, endsAt: null, endedAt: at(40) });
    expect(seesPath(invited, [endOnly], 30).allowed).toBe(false);
    // The schedule arrives: the end seen first still applies.
    const both = meeting({ meetingId: endOnly.meetingId, endedAt: at(40) });
    expect(seesPath(invited, [both], 30).allowed).toBe(true);
    expect(seesPath(invited, [both], 45).allowed).toBe(false);
  });

  it('should count each meeting on its own: a later meeting lets the invitee in again', () => {
    const first = meeting({ endedAt: at(50) });
    const second = meeting({ startsAt: at(120), endsAt: at(180) });
    expect(seesPath(invited, [first, second], 90).allowed).toBe(false);
    expect(seesPath(invited, [first, second], 150).allowed).toBe(true);
  });

  it('should know no path from a meeting alone: a path exists only by its referral', () => {
    expect(pathAccessFactsFrom(pathId, [], [consentNaming(invited)], [], [], [meeting()])).toBe(
      undefined,
    );
  });
});
