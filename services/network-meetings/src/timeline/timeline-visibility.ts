import { CLIENT_WORK_ROLES, hasRole, type Principal } from '@polku/auth';
import { DATA_CLASSES, type DataClass } from '@polku/contracts';
import { decidePathAccess, type PathAccessFacts } from '@polku/path-access';

/** What the visibility rule reads of a timeline entry. */
export interface VisibilityOfEntry {
  readonly dataClass: DataClass;
  /** The writing organisation: the event's emitter. */
  readonly sourceOrgId: string;
  /** The client's choice, for client voice only; null for every other entry. */
  readonly clientVoiceVisibility: string | null;
  /** The organisations the client named (NAMED_ORGANISATIONS); null when not client voice. */
  readonly clientVoiceOrgIds: readonly string[] | null;
}

/**
 * Who may see what of a path's timeline, as one organisation (or caller): the data classes the
 * access policy covers for it now, and whether it is a current party at all (client voice asks
 * only that, and the client's choice).
 */
export interface TimelineViewer {
  readonly orgId: string;
  readonly isParty: boolean;
  readonly dataClasses: readonly DataClass[];
}

/**
 * A caseworker of the organisation: the policy decides on the organisation and on whether its
 * person does client work, and every party's caseworkers do, so the entry's `visibleTo` is
 * answered for them. (orgRole is not read by the policy.)
 */
function caseworkerOf(orgId: string): Principal {
  return {
    userId: 'timeline-visibility',
    orgId,
    orgRole: 'PROVIDER',
    roles: ['CASEWORKER'],
    issuer: 'polku',
  };
}

const within = (at: Date, since: Date, until: Date | null) =>
  since.getTime() <= at.getTime() && (until === null || at.getTime() < until.getTime());

/** The organisations that are parties of the path at `at`, each once, in the facts' order. */
export function currentPartyOrgIds(facts: PathAccessFacts, at: Date): string[] {
  return [
    ...new Set(
      facts.parties.filter((party) => within(at, party.since, party.until)).map((p) => p.orgId),
    ),
  ];
}

/**
 * What a principal may see of the path's timeline at `at`: each data class the access policy
 * (decidePathAccess) allows, decided once per request; a party is a current party with a
 * client-work role (a manager sees aggregates, never a client's timeline).
 */
export function timelineViewerOf(
  principal: Principal,
  facts: PathAccessFacts | undefined,
  at: Date,
): TimelineViewer {
  const isParty =
    facts !== undefined &&
    hasRole(principal, ...CLIENT_WORK_ROLES) &&
    currentPartyOrgIds(facts, at).includes(principal.orgId);
  return {
    orgId: principal.orgId,
    isParty,
    dataClasses: DATA_CLASSES.filter(
      (dataClass) => decidePathAccess(principal, facts, dataClass, at).allowed,
    ),
  };
}

/** {@link timelineViewerOf} for an organisation's caseworker. */
export function organisationViewerOf(
  orgId: string,
  facts: PathAccessFacts | undefined,
  at: Date,
): TimelineViewer {
  return timelineViewerOf(caseworkerOf(orgId), facts, at);
}

/**
 * The visibility rule (docs/meetings.md, "Who sees what"): a viewer sees an entry iff the access
 * policy allows the entry's data class for it; client voice instead iff the viewer is a current
 * party AND it wrote the entry, or the client chose the whole network, or named the viewer.
 */
export function viewerMaySee(viewer: TimelineViewer, entry: VisibilityOfEntry): boolean {
  if (entry.clientVoiceVisibility === null) {
    return viewer.dataClasses.includes(entry.dataClass);
  }
  return (
    viewer.isParty &&
    (entry.sourceOrgId === viewer.orgId ||
      entry.clientVoiceVisibility === 'WHOLE_NETWORK' ||
      (entry.clientVoiceOrgIds ?? []).includes(viewer.orgId))
  );
}

/** The viewers of the path's current parties, decided once per request. */
export function partyViewersOf(facts: PathAccessFacts | undefined, at: Date): TimelineViewer[] {
  return facts === undefined
    ? []
    : currentPartyOrgIds(facts, at).map((orgId) => organisationViewerOf(orgId, facts, at));
}

/** An entry's `visibleTo`: the current parties' organisations that may see it now. */
export function visibleToOf(
  partyViewers: readonly TimelineViewer[],
  entry: VisibilityOfEntry,
): string[] {
  return partyViewers.filter((viewer) => viewerMaySee(viewer, entry)).map((v) => v.orgId);
}
