import { changedSummary, escalatedLevel, pathSummary } from './path-summary';
import {
  accept,
  fire,
  make,
  PATH_ID,
  pathAt,
  PROVIDER,
  PROVIDER_WORKER,
} from '../../test/support/path-machine/path-fixtures';

describe('pathSummary: where a path stands, for NextStepSet', () => {
  it('should tell the state, owner, worker and step, without a rung while the step is not late', () => {
    const path = pathAt('measureEnded');

    expect(pathSummary(path)).toEqual({
      state: 'TRANSITION_PENDING',
      accountableOrgId: PROVIDER,
      workerId: PROVIDER_WORKER.workerId,
      nextStep: 'DECIDE_NEXT_STEP',
      dueDate: '2027-03-08',
    });
  });

  it('should report the rung once the worker rung fired, then each higher rung', () => {
    const late = fire(pathAt('measureEnded'), `next-step:${PATH_ID}:WORKER`).state;
    const teamLead = fire(late, `next-step:${PATH_ID}:TEAM_LEAD`).state;

    expect(escalatedLevel(pathAt('measureEnded'))).toBeUndefined();
    expect(escalatedLevel(late)).toBe('WORKER');
    expect(escalatedLevel(teamLead)).toBe('TEAM_LEAD');
  });

  it('should find a change of state, worker or rung, and none when only the version moved', () => {
    const before = pathAt('inMeasure');
    const late = fire(pathAt('measureEnded'), `next-step:${PATH_ID}:WORKER`).state;

    expect(changedSummary(undefined, before)).toEqual(pathSummary(before));
    expect(changedSummary(before, { ...before, version: before.version + 1 })).toBeNull();
    expect(changedSummary(pathAt('measureEnded'), late)).toMatchObject({ level: 'WORKER' });
    const paused = accept(before, make.measurePaused()).state;
    expect(changedSummary(before, paused)).toMatchObject({
      state: 'PAUSED',
      nextStep: 'RESUME_MEASURE',
    });
    const otherWorker = {
      ...before,
      accountable: { orgId: PROVIDER, workerId: 'another-coach' },
    };
    expect(changedSummary(before, otherWorker)).toMatchObject({ workerId: 'another-coach' });
  });
});
