import { randomUUID } from 'node:crypto';
import type {
  AcceptHandoffCommand,
  ChangeResponsibleWorkerCommand,
  CompleteFollowUpCommand,
  DeclineHandoffCommand,
  ExitPathCommand,
  ProposeHandoffCommand,
  StartWaitingCommand,
} from '@polku/contracts';
import { addCalendarDays, type IsoDate } from '@polku/timers';
import { closeDecision, exitDecision } from '../exits/exit-decisions';
import { completeFollowUpDecision } from '../follow-ups/follow-up-decisions';
import {
  acceptHandoffDecision,
  completeHandoffDecision,
  declineHandoffDecision,
  proposeHandoffDecision,
} from '../handoffs/handoff-decisions';
import { fundingEndingDecision } from '../organisation-watch/funding-ending-decision';
import { changeWorkerDecision } from '../ownership/ownership-decisions';
import type { CommandDecision } from '../paths/command-decision';
import { endWaitingDecision, startWaitingDecision } from '../waits/wait-decisions';
import {
  decide,
  inputFromTimer,
  isRefused,
  pathPolicy,
  PATH_TIMER_KINDS,
  type PathEvent,
  type PathEventName,
  type PathInput,
  type PathState,
} from '../path';
import type { Caller } from '../paths/caller';
import { contractEventProblems } from './contract-event-check';
import { contractEventOf, type CommandDetails } from './contract-events';

const TE = randomUUID();
const PROVIDER = randomUUID();
const RECEIVER = randomUUID();
const DAY0 = '2027-03-01';
const NOW = new Date('2027-03-01T10:00:00.000Z');

const caller = (orgId: string, at: IsoDate, workerId = `usr_${orgId.slice(0, 8)}`): Caller => ({
  actor: { orgId, workerId, role: 'CASEWORKER' },
  at,
});

const OPEN_LABOUR_MARKET = { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' } as const;

/** One event of each name the machine can emit, with the details its command gives. */
const SAMPLES: { [N in PathEventName]: Extract<PathEvent, { name: N }>['data'] } = {
  HandoffProposed: {
    handoffId: randomUUID(),
    receivingOrgId: RECEIVER,
    destination: {
      group: 'LABOUR_MARKET',
      category: 'SUPPORTED_EMPLOYMENT',
      subType: 'WORK_TRIAL',
    },
    proposedDate: DAY0,
    answerDueDate: '2027-03-15',
    fromMeasureId: randomUUID(),
  },
  HandoffAccepted: { handoffId: randomUUID(), startDate: DAY0 },
  HandoffDeclined: { handoffId: randomUUID(), reasonCategory: 'NO_CAPACITY' },
  HandoffCompleted: { handoffId: randomUUID() },
  OwnershipTransferred: {
    fromOrgId: PROVIDER,
    fromWorkerId: 'usr_provider',
    toOrgId: RECEIVER,
    toWorkerId: 'usr_receiver',
    reason: 'HANDOFF_COMPLETED',
    handoffId: randomUUID(),
  },
  HandoffEscalated: {
    handoffId: randomUUID(),
    level: 'TEAM_LEAD',
    escalatedToOrgId: RECEIVER,
    escalatedToParty: 'RECEIVER',
    answerDueDate: DAY0,
    businessDaysOverdue: 5,
  },
  NextStepOverdue: {
    nextStep: 'DECIDE_NEXT_STEP',
    dueDate: DAY0,
    level: 'WORKER',
    accountableOrgId: PROVIDER,
    businessDaysOverdue: 0,
  },
  ClientExited: { destination: OPEN_LABOUR_MARKET, confirmed: false, exitDate: DAY0 },
  FollowUpScheduled: {
    ownerOrgId: PROVIDER,
    followUps: [{ followUpId: randomUUID(), dueDate: '2027-04-01' }],
  },
  FollowUpDue: { followUpId: randomUUID(), dueDate: DAY0, ownerOrgId: PROVIDER },
  FollowUpCompleted: {
    followUpId: randomUUID(),
    statusNow: 'CHANGED',
    confirmsDestination: true,
    destination: OPEN_LABOUR_MARKET,
  },
  FollowUpMissed: {
    followUpId: randomUUID(),
    dueDate: DAY0,
    ownerOrgId: PROVIDER,
    escalatedTo: 'MANAGER',
  },
  UnclearPathFlagged: {
    searchOwnerOrgId: PROVIDER,
    searchWorkerId: 'usr_provider',
    reviewDate: DAY0,
  },
  PathClosed: { confirmedDestination: OPEN_LABOUR_MARKET, closedAt: DAY0 },
  ResponsibleWorkerChanged: {
    orgId: PROVIDER,
    fromWorkerId: 'usr_a',
    toWorkerId: 'usr_b',
    reasonCategory: 'TURNOVER',
  },
  ProviderFundingEnding: { providerOrgId: PROVIDER, endDate: '2027-12-31' },
  MeasureEndingSoon: { measureId: randomUUID(), plannedEndDate: DAY0, daysBefore: 30 },
  WaitingStarted: {
    waitId: randomUUID(),
    waitingFor: 'BENEFIT_DECISION',
    thresholdBusinessDays: 20,
  },
  WaitExceeded: {
    waitId: randomUUID(),
    waitingFor: 'HOUSING',
    since: DAY0,
    thresholdBusinessDays: 20,
  },
  WaitingEnded: { waitId: randomUUID(), endedOn: DAY0 },
};

/** What each command adds to its events, as command-inputs.ts builds it. */
const COMMAND_DETAILS: CommandDetails = {
  HandoffProposed: { rationaleCategory: 'CLIENT_READY_FOR_MORE', proposedBy: 'WORKER' },
  HandoffDeclined: { alternativeCategory: 'LATER_START' },
  HandoffCompleted: { newMeasureId: randomUUID() },
  ClientExited: { receivingOrgId: randomUUID() },
  FollowUpCompleted: { contactMode: 'PHONE', helpGiven: ['JOB_APPLICATIONS'] },
};

const EVENT_NAMES = Object.keys(SAMPLES) as PathEventName[];

/** A path driven by the service's own input builders, collecting every event it emits. */
class Walk {
  state: PathState | undefined;
  readonly emitted: { event: PathEvent; details: CommandDetails; state: PathState }[] = [];

  constructor(private readonly policy = pathPolicy()) {}

  get path(): PathState {
    if (this.state === undefined) {
      throw new Error('no path yet');
    }
    return this.state;
  }

  apply({ input, details = {} }: CommandDecision | { input: PathInput; details?: undefined }) {
    const decision = decide(this.state, input, this.policy);
    if (isRefused(decision)) {
      throw new Error(`${input.type} refused: ${decision.refused.message}`);
    }
    this.state = decision.state;
    for (const effect of decision.effects) {
      if (effect.type === 'emit') {
        this.emitted.push({ event: effect.event, details, state: decision.state });
      }
    }
    return this;
  }

  /** Fires the path's live timer of `kind` on its due date, as the poller would. */
  fire(kind: string): IsoDate {
    const timer = this.path.timers.find((live) => live.kind === kind);
    if (timer === undefined) {
      throw new Error(`no live ${kind} timer: ${this.path.timers.map((t) => t.key).join(', ')}`);
    }
    this.apply(inputFromTimer(timer, timer.dueDate));
    return timer.dueDate;
  }

  pendingHandoffId(): string {
    const pending = this.path.pendingHandoff;
    if (pending === null) {
      throw new Error('no pending hand-off');
    }
    return pending.handoffId;
  }
}

function walkThroughEveryEvent(): Walk {
  const pathId = randomUUID();
  const measureId = randomUUID();
  const walk = new Walk();
  const by = (orgId: string, at: IsoDate = DAY0) => caller(orgId, at);
  walk
    .apply({
      input: {
        type: 'referred',
        ...by(TE),
        pathId,
        referralId: 'referral-1',
        fromOrgId: TE,
        toOrgId: PROVIDER,
        referrerWorkerId: by(TE).actor.workerId,
      },
    })
    .apply({ input: { type: 'referralAccepted', ...by(PROVIDER), referralId: 'referral-1' } })
    .apply({ input: { type: 'intakeCompleted', ...by(PROVIDER) } })
    .apply({ input: { type: 'planAgreed', ...by(TE) } })
    .apply({
      input: {
        type: 'measureStarted',
        ...by(PROVIDER),
        measureId,
        plannedEndDate: addCalendarDays(DAY0, 60),
      },
    });
  walk.fire(PATH_TIMER_KINDS.measureEndingSoon);
  walk.apply(
    startWaitingDecision(by(PROVIDER), {
      command: { waitingFor: 'BENEFIT_DECISION' } as StartWaitingCommand,
      waitId: randomUUID(),
      defaultThresholdBusinessDays: 20,
    }),
  );
  const waitId = walk.path.waits[0].waitId;
  walk.fire(PATH_TIMER_KINDS.waitExceeded);
  walk.apply(endWaitingDecision(by(PROVIDER), waitId));
  walk.apply(
    changeWorkerDecision(by(PROVIDER), {
      toWorkerId: 'usr_new_coach',
      reasonCategory: 'TURNOVER',
    } as ChangeResponsibleWorkerCommand),
  );
  const propose = {
    destination: {
      group: 'LABOUR_MARKET',
      category: 'SUPPORTED_EMPLOYMENT',
      subType: 'WORK_TRIAL',
    },
    receivingOrgId: RECEIVER,
    proposedDate: addCalendarDays(DAY0, 30),
    rationaleCategory: 'CLIENT_READY_FOR_MORE',
    proposedBy: 'WORKER',
  } as ProposeHandoffCommand;
  walk.apply(proposeHandoffDecision(by(PROVIDER), { command: propose, handoffId: randomUUID() }));
  walk.fire(PATH_TIMER_KINDS.handoffAnswerOverdue);
  walk.apply(
    declineHandoffDecision(by(RECEIVER), {
      command: {
        reasonCategory: 'NO_CAPACITY',
        alternativeCategory: 'LATER_START',
      } as DeclineHandoffCommand,
      handoffId: walk.pendingHandoffId(),
    }),
  );
  const late = walk.fire(PATH_TIMER_KINDS.nextStepOverdue);
  walk.apply(
    proposeHandoffDecision(by(PROVIDER, late), {
      command: { ...propose, proposedDate: addCalendarDays(late, 30) },
      handoffId: randomUUID(),
    }),
  );
  const handoffId = walk.pendingHandoffId();
  walk.apply(
    acceptHandoffDecision(by(RECEIVER, late), {
      command: { startDate: addCalendarDays(late, 20) } as AcceptHandoffCommand,
      handoffId,
    }),
  );
  walk.apply({ input: { type: 'measureEnded', ...by(PROVIDER, late), measureId } });
  walk.apply(
    completeHandoffDecision(by(RECEIVER, late), {
      command: { newMeasureId: randomUUID() },
      handoffId,
    }),
  );
  walk.apply(
    fundingEndingDecision(by(RECEIVER, late), {
      providerOrgId: RECEIVER,
      endDate: addCalendarDays(late, 90),
    }),
  );
  walk.apply(
    exitDecision(by(RECEIVER, late), {
      destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
      confirmed: false,
      exitDate: late,
    } as ExitPathCommand),
  );
  const reviewed = walk.fire(PATH_TIMER_KINDS.unclearPathReviewDue);
  walk.apply(
    exitDecision(by(RECEIVER, reviewed), {
      destination: OPEN_LABOUR_MARKET,
      confirmed: false,
      exitDate: reviewed,
      receivingOrgId: randomUUID(),
    } as ExitPathCommand),
  );
  walk.fire(PATH_TIMER_KINDS.followUpDue);
  const missed = walk.fire(PATH_TIMER_KINDS.followUpMissed);
  const [first, ...rest] = walk.path.followUps;
  walk.apply(
    completeFollowUpDecision(by(RECEIVER, missed), {
      command: {
        statusNow: 'CHANGED',
        destination: { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT' },
        contactMode: 'PHONE',
        helpGiven: ['JOB_APPLICATIONS'],
        confirmsDestination: true,
      } as CompleteFollowUpCommand,
      followUpId: first.followUpId,
    }),
  );
  for (const followUp of rest) {
    walk.apply(
      completeFollowUpDecision(by(RECEIVER, missed), {
        command: {
          statusNow: 'SAME',
          contactMode: 'REGISTER_CHECK',
          helpGiven: [],
          confirmsDestination: true,
        } as CompleteFollowUpCommand,
        followUpId: followUp.followUpId,
      }),
    );
  }
  walk.apply(closeDecision(by(RECEIVER, missed)));
  return walk;
}

describe('contractEventOf', () => {
  it.each(EVENT_NAMES)(
    'should map a %s of the machine to a payload its contract accepts',
    (name) => {
      const event = { name, data: SAMPLES[name] } as PathEvent;
      const state = walkThroughEveryEvent().path;

      const mapped = contractEventOf(event, { details: COMMAND_DETAILS, state, now: NOW });

      expect(contractEventProblems(mapped)).toEqual([]);
    },
  );

  it('should give every event a valid payload when a path goes through every event the machine emits', () => {
    const walk = walkThroughEveryEvent();

    const problems = walk.emitted.flatMap(({ event, details, state }) =>
      contractEventProblems(contractEventOf(event, { details, state, now: NOW })).map(
        (problem) => `${event.name}: ${problem}`,
      ),
    );

    expect(problems).toEqual([]);
    expect(new Set(walk.emitted.map(({ event }) => event.name))).toEqual(new Set(EVENT_NAMES));
    expect(walk.path.state).toBe('CLOSED');
  });

  it('should refuse to map an event whose command details are missing, since its contract needs them', () => {
    const event = { name: 'HandoffProposed', data: SAMPLES.HandoffProposed } as PathEvent;

    expect(() =>
      contractEventOf(event, { details: {}, state: walkThroughEveryEvent().path, now: NOW }),
    ).toThrow(/HandoffProposed was decided without the command details/);
  });

  it('should record the instant of closing when the machine closes a path on a day', () => {
    const event = { name: 'PathClosed', data: SAMPLES.PathClosed } as PathEvent;

    const mapped = contractEventOf(event, {
      details: {},
      state: walkThroughEveryEvent().path,
      now: NOW,
    });

    expect(mapped.data).toEqual({
      confirmedDestination: OPEN_LABOUR_MARKET,
      closedAt: '2027-03-01T10:00:00.000Z',
    });
  });
});
