import { lostReasons } from './lost-paths';
import type { PathState } from './path-state';
import { pathAt } from '../../test/support/path-machine/path-fixtures';

describe('lostReasons', () => {
  it('should find nothing on a path with an owner, a next step and no missed follow-up', () => {
    expect(lostReasons(pathAt('inMeasure'))).toEqual([]);
  });

  it('should name every reason a path is lost', () => {
    const path = pathAt('followUp');
    const lost: PathState = {
      ...path,
      accountable: null,
      nextStep: null,
      followUps: [{ ...path.followUps[0], status: 'MISSED' }],
    };

    expect(lostReasons(lost)).toEqual(['NO_OWNER', 'NO_NEXT_STEP', 'FOLLOW_UP_MISSED']);
  });

  it('should count a step escalated to the manager: nobody is left to escalate to', () => {
    const at = (level: 'TEAM_LEAD' | 'MANAGER'): PathState => ({
      ...pathAt('measureEnded'),
      nextStep: { kind: 'DECIDE_NEXT_STEP', dueDate: '2027-03-08', level },
    });

    expect(lostReasons(at('TEAM_LEAD'))).toEqual([]);
    expect(lostReasons(at('MANAGER'))).toEqual(['NEXT_STEP_OVERDUE_AT_MANAGER']);
  });

  it('should find nothing on a closed or continued path', () => {
    expect(lostReasons({ ...pathAt('followUp'), state: 'CLOSED', nextStep: null })).toEqual([]);
    expect(lostReasons({ ...pathAt('followUp'), state: 'REENTERED', accountable: null })).toEqual(
      [],
    );
  });
});
