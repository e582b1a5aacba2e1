import type { Principal } from '@polku/auth';
import type { DataClass } from '@polku/contracts';
import type { PathAccessFacts } from '@polku/path-access';
import {
  currentPartyOrgIds,
  partyViewersOf,
  timelineViewerOf,
  viewerMaySee,
  visibleToOf,
  type VisibilityOfEntry,
} from './timeline-visibility';

const OWNER = '00000000-0000-4000-8000-00000000000a';
const PROVIDER = '00000000-0000-4000-8000-00000000000b';
const SOCIAL = '00000000-0000-4000-8000-00000000000c';
const FORMER = '00000000-0000-4000-8000-00000000000d';
const OUTSIDER = '00000000-0000-4000-8000-00000000000e';

const AT = new Date('2027-01-15T10:00:00Z');
const SINCE = new Date('2027-01-01T00:00:00Z');

const coverage = (orgId: string, dataClasses: DataClass[]) => ({
  orgId,
  dataClasses,
  basis: { kind: 'CONSENT', consentId: `consent-${orgId}` } as const,
  validFrom: SINCE,
  validTo: null,
  withdrawnAt: null,
});

/** Three parties with different coverage, and one whose part ended. */
const FACTS: PathAccessFacts = {
  pathId: '00000000-0000-4000-8000-0000000000ff',
  parties: [
    { orgId: OWNER, relation: 'OWNER', since: SINCE, until: null },
    { orgId: PROVIDER, relation: 'PLAN_PARTY', since: SINCE, until: null },
    { orgId: SOCIAL, relation: 'MEETING_PARTICIPANT', since: SINCE, until: null },
    { orgId: FORMER, relation: 'REFERRER', since: SINCE, until: new Date('2027-01-10T00:00:00Z') },
  ],
  coverages: [
    coverage(OWNER, ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG']),
    coverage(PROVIDER, ['PATH', 'PLAN']),
    coverage(SOCIAL, ['PATH']),
    coverage(FORMER, ['PATH', 'PLAN']),
  ],
};

const entry = (overrides: Partial<VisibilityOfEntry>): VisibilityOfEntry => ({
  dataClass: 'PATH',
  sourceOrgId: OWNER,
  clientVoiceVisibility: null,
  clientVoiceOrgIds: null,
  ...overrides,
});

const voice = (visibility: string, named: string[] = [], writer = PROVIDER) =>
  entry({
    dataClass: 'CLIENT_VOICE',
    sourceOrgId: writer,
    clientVoiceVisibility: visibility,
    clientVoiceOrgIds: named,
  });

const principalOf = (orgId: string, roles: Principal['roles'] = ['CASEWORKER']): Principal => ({
  userId: 'worker-1',
  orgId,
  orgRole: 'PROVIDER',
  roles,
  issuer: 'polku-test',
});

describe('the timeline visibility rule', () => {
  const viewers = partyViewersOf(FACTS, AT);

  it('should name the current parties only when the facts hold an ended party', () => {
    expect(currentPartyOrgIds(FACTS, AT)).toEqual([OWNER, PROVIDER, SOCIAL]);
  });

  it.each([
    ['PATH', entry({ dataClass: 'PATH' }), [OWNER, PROVIDER, SOCIAL]],
    ['PLAN', entry({ dataClass: 'PLAN' }), [OWNER, PROVIDER]],
    ['ATTENDANCE', entry({ dataClass: 'ATTENDANCE' }), [OWNER]],
    ['HEALTH_FLAG (a pause)', entry({ dataClass: 'HEALTH_FLAG' }), [OWNER]],
    ['FINANCE_FLAG', entry({ dataClass: 'FINANCE_FLAG' }), []],
    ['client voice for the writer only', voice('WRITER_ORGANISATION'), [PROVIDER]],
    [
      'client voice for a named organisation',
      voice('NAMED_ORGANISATIONS', [SOCIAL]),
      [PROVIDER, SOCIAL],
    ],
    ['client voice for the whole network', voice('WHOLE_NETWORK'), [OWNER, PROVIDER, SOCIAL]],
    ['client voice naming a former party', voice('NAMED_ORGANISATIONS', [FORMER]), [PROVIDER]],
    ['client voice naming an outsider', voice('NAMED_ORGANISATIONS', [OUTSIDER]), [PROVIDER]],
    ['client voice written by a former party', voice('WRITER_ORGANISATION', [], FORMER), []],
  ] as const)(
    'should show %s to exactly the parties the rule allows when read now',
    (_label, given, expected) => {
      expect(visibleToOf(viewers, given)).toEqual(expected);
    },
  );

  it('should show an outsider nothing when it is no party of the path', () => {
    const outsider = timelineViewerOf(principalOf(OUTSIDER), FACTS, AT);

    expect(outsider).toEqual({ orgId: OUTSIDER, isParty: false, dataClasses: [] });
    expect(viewerMaySee(outsider, voice('WHOLE_NETWORK'))).toBe(false);
  });

  it('should hide every entry from a manager when the organisation is a party', () => {
    const manager = timelineViewerOf(principalOf(OWNER, ['MANAGER']), FACTS, AT);

    expect(manager.dataClasses).toEqual([]);
    expect(viewerMaySee(manager, entry({}))).toBe(false);
    expect(viewerMaySee(manager, voice('WHOLE_NETWORK'))).toBe(false);
  });

  it('should stop showing entries when a consent is withdrawn', () => {
    const withdrawn: PathAccessFacts = {
      ...FACTS,
      coverages: [{ ...coverage(PROVIDER, ['PATH', 'PLAN']), withdrawnAt: SINCE }],
    };

    expect(timelineViewerOf(principalOf(PROVIDER), withdrawn, AT).dataClasses).toEqual([]);
  });

  it('should show nothing when the path is unknown', () => {
    expect(partyViewersOf(undefined, AT)).toEqual([]);
    expect(timelineViewerOf(principalOf(OWNER), undefined, AT)).toMatchObject({
      isParty: false,
      dataClasses: [],
    });
  });
});
