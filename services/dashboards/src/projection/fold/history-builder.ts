import { POLKU_SYSTEM_ORG_ID } from '@polku/auth';
import type {
  Exit,
  FollowUp,
  Goal,
  Handoff,
  Intake,
  Measure,
  Occurrence,
  PathHistory,
  Plan,
  Referral,
  Return,
  Signal,
  Step,
  Wait,
} from './path-history';

/** A stored event's coded fields. */
export type Data = Readonly<Record<string, unknown>>;

/** One event as a folder gets it: when and by whom, and its fields. */
export interface FoldEvent {
  readonly occurrence: Occurrence;
  readonly data: Data;
}

/** The history of one path while its events are folded in, in the fold's order. */
export interface HistoryBuilder {
  readonly pathId: string;
  first?: Occurrence;
  referral?: Occurrence;
  readonly referrals: Map<string, Referral>;
  readonly intakes: Intake[];
  readonly plans: Map<string, Plan>;
  firstPlan?: Occurrence;
  readonly measures: Measure[];
  readonly handoffs: Map<string, Handoff>;
  readonly exits: Exit[];
  readonly followUps: Map<string, FollowUp>;
  readonly steps: Map<number, Step>;
  readonly signals: Signal[];
  readonly completedActionItems: Set<string>;
  readonly waits: Map<string, Wait>;
  readonly goals: Map<string, Goal>;
  readonly returns: Return[];
  readonly reentries: Occurrence[];
  readonly parties: Set<string>;
}

/** A folder: what one subject's event adds to the history. */
export type Folder = (history: HistoryBuilder, event: FoldEvent) => void;

/** An empty history of the path. */
export function newHistory(pathId: string): HistoryBuilder {
  return {
    pathId,
    referrals: new Map(),
    intakes: [],
    plans: new Map(),
    measures: [],
    handoffs: new Map(),
    exits: [],
    followUps: new Map(),
    steps: new Map(),
    signals: [],
    completedActionItems: new Set(),
    waits: new Map(),
    goals: new Map(),
    returns: [],
    reentries: [],
    parties: new Set(),
  };
}

/** The entry of `key`, made by `create` when there is none yet. */
export function entryOf<T>(map: Map<string, T>, key: string, create: () => T): T {
  let entry = map.get(key);
  if (entry === undefined) {
    entry = create();
    map.set(key, entry);
  }
  return entry;
}

/** A string field, or undefined when it is absent. */
export function text(data: Data, field: string): string | undefined {
  const value = data[field];
  return typeof value === 'string' ? value : undefined;
}

/** The organisations that became parties of the path; polku's own system is none. */
export function addParties(history: HistoryBuilder, ...orgIds: unknown[]): void {
  for (const orgId of orgIds) {
    if (typeof orgId === 'string' && orgId !== POLKU_SYSTEM_ORG_ID) {
      history.parties.add(orgId);
    }
  }
}

/** The organisation of each entry of a stored list of parties or participants. */
export function orgIdsOf(list: unknown): unknown[] {
  return Array.isArray(list) ? list.map((entry) => (entry as Data).orgId) : [];
}

/** The finished history: measures by start date, steps by version. */
export function finishHistory(history: HistoryBuilder): PathHistory {
  return {
    ...history,
    referrals: [...history.referrals.values()],
    plans: [...history.plans.values()],
    // A stable sort: measures that start on the same day stay in the fold's order.
    measures: [...history.measures].sort((a, b) =>
      a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0,
    ),
    handoffs: [...history.handoffs.values()],
    followUps: [...history.followUps.values()],
    steps: [...history.steps.values()].sort((a, b) => a.version - b.version),
    waits: [...history.waits.values()],
    goals: [...history.goals.values()],
  };
}
