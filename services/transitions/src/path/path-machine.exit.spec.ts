import { lostReasons } from './lost-paths';
import { decide } from './path-machine';
import { DEFAULT_PATH_POLICY, pathPolicy, type PathPolicy } from './path-policy';
import type { PathState } from './path-state';
import {
  accept,
  ANOTHER_MEASURE,
  DAY0,
  eventNamed,
  eventNames,
  fire,
  make,
  OPEN_LABOUR_MARKET,
  PATH_ID,
  pathAt,
  PENSION,
  POLICY,
  PROVIDER,
  PROVIDER_WORKER,
  scheduledKeys,
  STAGES,
  SUPPORTED_EMPLOYMENT,
  TE_WORKER,
  UNCLEAR,
  UNEMPLOYED,
  walk,
} from '../../test/support/path-machine/path-fixtures';

function followUpIds(state: PathState): string[] {
  return state.followUps.map((f) => f.followUpId);
}

/** Completes every open follow-up of the path, each on its due date. */
function completeAll(state: PathState, confirms: boolean): PathState {
  let current = state;
  for (const followUp of state.followUps) {
    current = accept(
      current,
      make.followUpCompleted({
        at: followUp.dueDate,
        followUpId: followUp.followUpId,
        confirmsDestination: confirms,
      }),
    ).state;
  }
  return current;
}

describe('decide: exits and follow-ups', () => {
  it('should schedule follow-ups 1, 3 and 6 months after the exit date when the client exits to the open labour market', () => {
    const { state, effects } = accept(
      pathAt('measureEnded'),
      make.exited({ exitDate: '2027-01-31', at: DAY0 }),
    );

    expect(state).toMatchObject({
      state: 'FOLLOW_UP',
      accountable: { orgId: PROVIDER },
      exit: { destination: OPEN_LABOUR_MARKET, confirmed: false, exitDate: '2027-01-31' },
      nextStep: { kind: 'FOLLOW_UP', dueDate: '2027-02-28' },
    });
    expect(state.followUps.map((f) => [f.dueDate, f.status])).toEqual([
      ['2027-02-28', 'SCHEDULED'],
      ['2027-04-30', 'SCHEDULED'],
      ['2027-07-31', 'SCHEDULED'],
    ]);
    expect(eventNames(effects)).toEqual(['ClientExited', 'FollowUpScheduled']);
    expect(eventNamed(effects, 'FollowUpScheduled').data.followUps).toHaveLength(3);
    expect(scheduledKeys(effects)).toEqual(
      followUpIds(state).map((id) => `follow-up-due:${PATH_ID}:${id}`),
    );
  });

  it('should derive the same follow-up ids from the same path, so a replay gives the same state', () => {
    expect(followUpIds(pathAt('followUp'))).toEqual(followUpIds(pathAt('followUp')));
    expect(new Set(followUpIds(pathAt('followUp'))).size).toBe(3);
    expect(followUpIds(pathAt('followUp'))[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should give open-labour-market and supported-employment exits follow-ups even when the policy has none', () => {
    const careless: PathPolicy = {
      ...DEFAULT_PATH_POLICY,
      followUpMonths: [],
      followUpMonthsByCategory: { OPEN_LABOUR_MARKET: [], SUPPORTED_EMPLOYMENT: [] },
    };
    for (const destination of [OPEN_LABOUR_MARKET, SUPPORTED_EMPLOYMENT, PENSION]) {
      const { state } = accept(pathAt('measureEnded'), make.exited({ destination }), careless);
      expect(state.followUps).toHaveLength(3);
    }
  });

  it('should use the months the policy sets for a destination', () => {
    const policy = pathPolicy({ followUpMonthsByCategory: { PENSION: [2] } });
    const { state } = accept(pathAt('measureEnded'), make.exited({ destination: PENSION }), policy);

    expect(state.followUps.map((f) => f.dueDate)).toEqual(['2027-05-01']);
  });

  it('should keep an owner and a review date, and schedule no follow-up, when the exit is to an unclear path', () => {
    const { state, effects } = accept(
      pathAt('measureEnded'),
      make.exited({ destination: UNCLEAR }),
    );

    expect(state).toMatchObject({
      state: 'UNCLEAR_PATH',
      accountable: { orgId: PROVIDER, workerId: PROVIDER_WORKER.workerId },
      nextStep: { kind: 'REVIEW_UNCLEAR_PATH', dueDate: '2027-03-31' },
      followUps: [],
    });
    expect(eventNamed(effects, 'UnclearPathFlagged').data).toEqual({
      searchOwnerOrgId: PROVIDER,
      searchWorkerId: PROVIDER_WORKER.workerId,
      reviewDate: '2027-03-31',
    });
    expect(scheduledKeys(effects)).toEqual([`unclear-path-review:${PATH_ID}:WORKER`]);
  });

  it('should refuse an exit without a destination, to a wrong one, or to a continuation', () => {
    const ended = pathAt('measureEnded');
    for (const destination of [
      undefined,
      { group: 'LABOUR_MARKET', category: 'STUDIES' } as const,
      { ...PENSION, subType: 'DEGREE_STUDIES' } as const,
      ANOTHER_MEASURE,
    ]) {
      expect(decide(ended, make.exited({ destination }), POLICY)).toMatchObject({
        refused: { code: 'VALIDATION_FAILED' },
      });
    }
    expect(decide(ended, make.exited({ destination: undefined }), POLICY)).toMatchObject({
      refused: { message: expect.stringContaining('An exit needs a destination') },
    });
  });

  it('should refuse an exit in the future, during a measure, during a hand-off, twice, or by another organisation', () => {
    expect(
      decide(pathAt('measureEnded'), make.exited({ exitDate: '2027-03-02' }), POLICY),
    ).toMatchObject({
      refused: { code: 'VALIDATION_FAILED' },
    });
    for (const stage of ['inMeasure', 'paused', 'handoffPending', 'followUp'] as const) {
      expect(decide(pathAt(stage), make.exited(), POLICY)).toMatchObject({
        refused: { code: 'CONFLICT' },
      });
    }
    expect(decide(pathAt('measureEnded'), make.exited({ actor: TE_WORKER }), POLICY)).toMatchObject(
      {
        refused: { code: 'FORBIDDEN' },
      },
    );
    expect(decide(pathAt('unclear'), make.exited({ destination: UNCLEAR }), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
  });

  it('should let an unclear path be left by an exit with a destination', () => {
    const { state } = accept(pathAt('unclear'), make.exited({ destination: UNEMPLOYED }));

    expect(state).toMatchObject({ state: 'FOLLOW_UP', exit: { destination: UNEMPLOYED } });
    expect(state.followUps).toHaveLength(3);
  });

  it('should set the next review when an unclear path is reviewed', () => {
    const { state, effects } = accept(
      pathAt('unclear'),
      make.unclearPathReviewed({ at: '2027-03-10', nextReviewDate: '2027-05-03' }),
    );

    expect(state.nextStep).toEqual({
      kind: 'REVIEW_UNCLEAR_PATH',
      dueDate: '2027-05-03',
      level: 'WORKER',
    });
    expect(eventNamed(effects, 'UnclearPathFlagged').data.reviewDate).toBe('2027-05-03');
    expect(decide(pathAt('followUp'), make.unclearPathReviewed(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
    expect(
      decide(pathAt('unclear'), make.unclearPathReviewed({ nextReviewDate: '2027-02-01' }), POLICY),
    ).toMatchObject({ refused: { code: 'VALIDATION_FAILED' } });
    expect(
      decide(pathAt('unclear'), make.unclearPathReviewed({ actor: TE_WORKER }), POLICY),
    ).toMatchObject({
      refused: { code: 'FORBIDDEN' },
    });
  });

  it('should escalate an unclear path whose review is late, as NextStepOverdue', () => {
    const { state, effects } = fire(pathAt('unclear'), `unclear-path-review:${PATH_ID}:WORKER`);

    expect(eventNamed(effects, 'NextStepOverdue').data).toMatchObject({
      nextStep: 'REVIEW_UNCLEAR_PATH',
      level: 'WORKER',
      accountableOrgId: PROVIDER,
    });
    expect(state.timers.map((t) => t.key)).toEqual([`unclear-path-review:${PATH_ID}:TEAM_LEAD`]);
  });

  it('should mark a follow-up due, and give it 10 business days before it is missed, when its day comes', () => {
    const path = pathAt('followUp');
    const [first] = path.followUps;
    const { state, effects } = fire(path, `follow-up-due:${PATH_ID}:${first.followUpId}`);

    expect(state.followUps[0].status).toBe('DUE');
    expect(eventNamed(effects, 'FollowUpDue').data).toEqual({
      followUpId: first.followUpId,
      dueDate: '2027-04-01',
      ownerOrgId: PROVIDER,
    });
    expect(state.timers.find((t) => t.kind === 'follow-up-missed')).toMatchObject({
      key: `follow-up-missed:${PATH_ID}:${first.followUpId}`,
      // 2 April to 16 April holds ten business days after Easter Monday (5 April is one).
      dueDate: '2027-04-16',
    });
  });

  it('should escalate a missed follow-up to the manager and count the path as lost until it is done', () => {
    const path = pathAt('followUp');
    const [first] = path.followUps;
    const due = fire(path, `follow-up-due:${PATH_ID}:${first.followUpId}`).state;
    const { state, effects } = fire(due, `follow-up-missed:${PATH_ID}:${first.followUpId}`);

    expect(eventNamed(effects, 'FollowUpMissed').data).toMatchObject({
      followUpId: first.followUpId,
      escalatedTo: 'MANAGER',
    });
    expect(state.followUps[0].status).toBe('MISSED');
    expect(state.nextStep).toMatchObject({
      kind: 'FOLLOW_UP',
      dueDate: state.followUps[1].dueDate,
    });
    expect(lostReasons(state)).toEqual(['FOLLOW_UP_MISSED']);

    const late = accept(
      state,
      make.followUpCompleted({
        at: '2027-04-20',
        followUpId: first.followUpId,
        confirmsDestination: false,
      }),
    ).state;
    expect(lostReasons(late)).toEqual([]);
  });

  it('should refuse to close before a follow-up confirms the destination or while follow-ups are open', () => {
    const path = pathAt('followUp');
    expect(decide(path, make.pathClosed(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('not confirmed') },
    });
    const confirmedFirst = accept(
      path,
      make.followUpCompleted({ followUpId: path.followUps[0].followUpId }),
    ).state;
    expect(confirmedFirst.exit?.confirmed).toBe(true);
    expect(confirmedFirst.nextStep?.kind).toBe('FOLLOW_UP');
    expect(decide(confirmedFirst, make.pathClosed(), POLICY)).toMatchObject({
      refused: {
        code: 'CONFLICT',
        message: expect.stringContaining('Follow-ups are not done yet'),
      },
    });
  });

  it('should never close an unclear path', () => {
    expect(decide(pathAt('unclear'), make.pathClosed(), POLICY)).toMatchObject({
      refused: {
        code: 'CONFLICT',
        message: expect.stringContaining('unclear path cannot be closed'),
      },
    });
  });

  it('should ask to close the path, and close it with its confirmed destination, after the last follow-up', () => {
    const done = completeAll(pathAt('followUp'), true);
    expect(done.nextStep).toMatchObject({ kind: 'CLOSE_PATH', dueDate: '2027-09-15' });
    expect(decide(done, make.pathClosed({ actor: TE_WORKER }), POLICY)).toMatchObject({
      refused: { code: 'FORBIDDEN' },
    });

    const { state, effects } = accept(done, make.pathClosed({ at: '2027-09-02' }));

    expect(state).toMatchObject({ state: 'CLOSED', nextStep: null, timers: [] });
    expect(eventNamed(effects, 'PathClosed').data).toEqual({
      confirmedDestination: OPEN_LABOUR_MARKET,
      closedAt: '2027-09-02',
    });
    expect(decide(state, make.responsibleWorkerChanged(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('closed') },
    });
  });

  it('should schedule one more follow-up when the last one leaves the destination unconfirmed', () => {
    const done = completeAll(pathAt('followUp'), false);

    expect(done.followUps).toHaveLength(4);
    expect(done.followUps[3]).toMatchObject({ status: 'SCHEDULED', dueDate: '2027-10-01' });
    expect(done.nextStep).toMatchObject({ kind: 'FOLLOW_UP', dueDate: '2027-10-01' });
  });

  it('should record a changed destination from a follow-up, confirmed or not', () => {
    const path = pathAt('followUp');
    const id = path.followUps[0].followUpId;
    const changed = accept(
      path,
      make.followUpCompleted({ followUpId: id, statusNow: 'CHANGED', destination: UNEMPLOYED }),
    );

    expect(changed.state.exit).toMatchObject({ destination: UNEMPLOYED, confirmed: true });
    expect(eventNamed(changed.effects, 'FollowUpCompleted').data.destination).toEqual(UNEMPLOYED);
    const back = accept(
      changed.state,
      make.followUpCompleted({
        followUpId: path.followUps[1].followUpId,
        statusNow: 'BACK_IN_VTM',
        confirmsDestination: false,
      }),
    );
    expect(back.state.exit?.confirmed).toBe(false);
  });

  it('should refuse a follow-up that confirms what it could not know, names an unknown follow-up, or repeats one', () => {
    const path = pathAt('followUp');
    const id = path.followUps[0].followUpId;
    for (const input of [
      make.followUpCompleted({ followUpId: id, statusNow: 'UNKNOWN' }),
      make.followUpCompleted({ followUpId: id, statusNow: 'BACK_IN_VTM' }),
      make.followUpCompleted({ followUpId: id, statusNow: 'CHANGED' }),
      make.followUpCompleted({ followUpId: id, destination: UNEMPLOYED }),
      make.followUpCompleted({ followUpId: id, statusNow: 'CHANGED', destination: UNCLEAR }),
    ]) {
      expect(decide(path, input, POLICY)).toMatchObject({ refused: { code: 'VALIDATION_FAILED' } });
    }
    expect(decide(path, make.followUpCompleted({ followUpId: 'nope' }), POLICY)).toMatchObject({
      refused: { code: 'NOT_FOUND' },
    });
    const once = accept(path, make.followUpCompleted({ followUpId: id })).state;
    expect(decide(once, make.followUpCompleted({ followUpId: id }), POLICY)).toMatchObject({
      refused: { code: 'ALREADY_DONE', message: 'This follow-up has already been done.' },
    });
    expect(
      decide(path, make.followUpCompleted({ followUpId: id, actor: TE_WORKER }), POLICY),
    ).toMatchObject({
      refused: { code: 'FORBIDDEN' },
    });
    expect(
      decide(pathAt('measureEnded'), make.followUpCompleted({ followUpId: id }), POLICY),
    ).toMatchObject({
      refused: { code: 'NOT_FOUND' },
    });
  });

  it('should cancel every timer and name the new path when the client returns on a new path', () => {
    const { state, effects } = accept(pathAt('followUp'), make.returnedAsNewPath());

    expect(state).toMatchObject({
      state: 'REENTERED',
      nextStep: null,
      continuedByPathId: 'path-2',
      timers: [],
    });
    expect(effects.every((e) => e.type === 'cancelTimer')).toBe(true);
    expect(effects).toHaveLength(3);
    expect(accept(pathAt('unclear'), make.returnedAsNewPath()).state.state).toBe('REENTERED');
  });

  it('should only record a return while the client is still on the path, and refuse one as its own continuation', () => {
    const inMeasure = pathAt('inMeasure');
    expect(decide(inMeasure, make.returnedAsNewPath(), POLICY)).toEqual({
      state: inMeasure,
      effects: [],
    });
    expect(
      decide(pathAt('followUp'), make.returnedAsNewPath({ newPathId: PATH_ID }), POLICY),
    ).toMatchObject({
      refused: { code: 'VALIDATION_FAILED' },
    });
    const closed = walk([...STAGES.followUp]);
    const reentered = accept(closed, make.returnedAsNewPath()).state;
    expect(decide(reentered, make.waitingStarted(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('path-2') },
    });
  });
});
