import { accept, make, pathAt } from '../../test/support/path-machine/path-fixtures';
import { pathView } from './path.view';

describe('pathView', () => {
  it('should list the pending hand-off’s transition meeting as not done when none was held for it', () => {
    const view = pathView(pathAt('handoffPending'), { seesHealthFlags: false });

    expect(view.pendingHandoff?.checklist).toEqual([{ item: 'TRANSITION_MEETING', done: false }]);
  });

  it('should name the meeting and when it was held when a transition meeting was held for the pending hand-off', () => {
    const { state } = accept(
      pathAt('handoffPending'),
      make.meetingHeld({ meetingId: 'meeting-7', heldAt: '2027-03-02T08:30:00.000Z' }),
    );

    expect(pathView(state, { seesHealthFlags: false }).pendingHandoff?.checklist).toEqual([
      {
        item: 'TRANSITION_MEETING',
        done: true,
        meetingId: 'meeting-7',
        heldAt: '2027-03-02T08:30:00.000Z',
      },
    ]);
  });

  it('should not show the recorded meetings themselves when the path is answered', () => {
    const { state } = accept(pathAt('handoffPending'), make.meetingHeld());

    expect(Object.keys(pathView(state, { seesHealthFlags: false }))).not.toContain(
      'transitionMeetings',
    );
  });
});
