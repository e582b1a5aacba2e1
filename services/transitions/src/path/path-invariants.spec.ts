import {
  assertPathInvariants,
  PathInvariantError,
  pathInvariantViolations,
} from './path-invariants';
import type { PathState } from './path-state';
import { pathAt } from '../../test/support/path-machine/path-fixtures';

describe('path invariants', () => {
  it('should hold on every stage a path passes through', () => {
    for (const stage of [
      'referred',
      'intake',
      'planning',
      'planAgreed',
      'inMeasure',
      'paused',
      'measureEnded',
      'handoffPending',
      'handoffAccepted',
      'followUp',
      'unclear',
    ] as const) {
      expect([stage, pathInvariantViolations(pathAt(stage))]).toEqual([stage, []]);
    }
  });

  it('should throw on a path left without an owner or a next step', () => {
    const broken: PathState = { ...pathAt('inMeasure'), accountable: null, nextStep: null };

    expect(() => assertPathInvariants(broken)).toThrow(PathInvariantError);
    expect(pathInvariantViolations(broken)).toEqual([
      'no accountable organisation and worker',
      'no next step',
    ]);
  });

  it('should find a timer running while the measure is paused and two escalation timers at once', () => {
    const paused = pathAt('paused');
    const running: PathState = {
      ...paused,
      timers: paused.timers.map((t) => ({ ...t, suspendedOn: null })),
    };
    expect(pathInvariantViolations(running)).toEqual(['a timer running while paused']);
    const ladderStill: PathState = {
      ...paused,
      timers: paused.timers.map((t) => ({ ...t, suspendedOn: t.suspendedOn ?? '2027-03-01' })),
    };
    expect(pathInvariantViolations(ladderStill)).toEqual(['the paused step’s ladder suspended']);

    const ended = pathAt('measureEnded');
    const twoLadders: PathState = {
      ...ended,
      timers: [...ended.timers, { ...ended.timers[0], key: `next-step:${ended.pathId}:MANAGER` }],
    };
    expect(pathInvariantViolations(twoLadders)).toEqual(['more than one escalation timer']);
  });

  it('should find an unclear path without a review and a closed path with a next step', () => {
    const unclear = pathAt('unclear');
    const nextStep = { kind: 'FOLLOW_UP', dueDate: '2027-03-31', level: 'WORKER' } as const;
    expect(pathInvariantViolations({ ...unclear, nextStep })).toEqual([
      'an unclear path without a review',
    ]);
    expect(pathInvariantViolations({ ...pathAt('followUp'), state: 'CLOSED' })).toEqual([
      'a next step on a finished path',
      'timers on a finished path',
    ]);
  });
});
