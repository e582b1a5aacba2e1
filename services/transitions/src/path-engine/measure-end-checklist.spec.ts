import { type PathState, PATH_TIMER_KINDS } from '../path';
import {
  accept,
  eventNamed,
  fire,
  make,
  pathAt,
} from '../../test/support/path-machine/path-fixtures';
import { contractEventOf } from './contract-events';

const NOW = new Date('2027-03-01T10:00:00.000Z');

/** The checklist of the first MeasureEndingSoon the path's reminder timer raises. */
function checklistOfReminder(state: PathState) {
  const timer = state.timers.find((live) => live.kind === PATH_TIMER_KINDS.measureEndingSoon);
  if (timer === undefined) {
    throw new Error('no measure-ending reminder on the path');
  }
  const decision = fire(state, timer.key);
  const event = eventNamed(decision.effects, 'MeasureEndingSoon');
  const mapped = contractEventOf(event, { details: {}, state: decision.state, now: NOW });
  return (mapped.data as { checklist: { item: string; done: boolean }[] }).checklist;
}

describe('MeasureEndingSoon checklist', () => {
  it('should say the transition meeting is not done when none was held during the measure', () => {
    expect(checklistOfReminder(pathAt('inMeasure'))).toEqual([
      { item: 'STATEMENT', done: false },
      { item: 'NEXT_STEP_PLAN', done: false },
      { item: 'TRANSITION_MEETING', done: false },
    ]);
  });

  it('should say the transition meeting is done when one was held during the measure', () => {
    const met = accept(pathAt('inMeasure'), make.meetingHeld()).state;

    expect(checklistOfReminder(met)).toContainEqual({ item: 'TRANSITION_MEETING', done: true });
  });

  it('should say the transition meeting is done when a joint visit was held for the hand-off proposed during the measure', () => {
    const proposed = accept(pathAt('inMeasure'), make.handoffProposed()).state;
    const met = accept(
      proposed,
      make.meetingHeld({ kind: 'JOINT_TRANSFER_VISIT', handoffId: 'transition-1' }),
    ).state;

    expect(checklistOfReminder(met)).toEqual([
      { item: 'STATEMENT', done: false },
      { item: 'NEXT_STEP_PLAN', done: true },
      { item: 'TRANSITION_MEETING', done: true },
    ]);
  });

  it('should keep the transition meeting not done when only a progress meeting was held', () => {
    const met = accept(pathAt('inMeasure'), make.meetingHeld({ kind: 'PROGRESS_MEETING' })).state;

    expect(checklistOfReminder(met)).toContainEqual({ item: 'TRANSITION_MEETING', done: false });
  });
});
