import {
  CommandConflictError,
  CommandValidationError,
  ForbiddenCommandError,
} from '@polku/service-runtime';
import {
  actionItemState,
  assertDueNotPast,
  assertMayComplete,
  isAbove,
  nextRung,
  rungDate,
} from './action-item-rules';

const OWNER = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

describe('action item rules', () => {
  it('should answer ASSIGNED, OVERDUE or COMPLETED when asked on a day', () => {
    const item = { ownerOrgId: OWNER, dueDate: '2027-03-10', completedAt: null };

    expect(actionItemState(item, '2027-03-10')).toBe('ASSIGNED');
    expect(actionItemState(item, '2027-03-11')).toBe('OVERDUE');
    expect(actionItemState({ ...item, completedAt: new Date() }, '2027-03-11')).toBe('COMPLETED');
  });

  it('should climb the day after the due date, then every step of Finnish business days when overdue', () => {
    // Friday 2027-02-12: the worker from Saturday, the team lead five business days later
    // (Fri 19th, late from Sat 20th), the manager five more (Fri 26th, from Sat 27th).
    expect(rungDate('2027-02-12', 'WORKER', 5)).toBe('2027-02-13');
    expect(rungDate('2027-02-12', 'TEAM_LEAD', 5)).toBe('2027-02-20');
    expect(rungDate('2027-02-12', 'MANAGER', 5)).toBe('2027-02-27');
  });

  it('should skip Finnish public holidays when counting the step between rungs', () => {
    // Good Friday 2027-03-26 and Easter Monday 2027-03-29 are not business days.
    expect(rungDate('2027-03-24', 'TEAM_LEAD', 2)).toBe('2027-03-31');
  });

  it('should name the next rung and stop at the manager when climbing', () => {
    expect(nextRung('WORKER')).toBe('TEAM_LEAD');
    expect(nextRung('TEAM_LEAD')).toBe('MANAGER');
    expect(nextRung('MANAGER')).toBeUndefined();
    expect(isAbove('WORKER', null)).toBe(true);
    expect(isAbove('TEAM_LEAD', 'WORKER')).toBe(true);
    expect(isAbove('TEAM_LEAD', 'TEAM_LEAD')).toBe(false);
  });

  it('should let only the owner complete an item, once, when it completes', () => {
    const item = { ownerOrgId: OWNER, dueDate: '2027-03-10', completedAt: null };

    expect(() => assertMayComplete(item, OWNER)).not.toThrow();
    expect(() => assertMayComplete(item, OTHER)).toThrow(ForbiddenCommandError);
    expect(() => assertMayComplete({ ...item, completedAt: new Date() }, OWNER)).toThrow(
      CommandConflictError,
    );
  });

  it('should refuse a due date before today when a step is agreed', () => {
    expect(() => assertDueNotPast('2027-03-10', '2027-03-10')).not.toThrow();
    expect(() => assertDueNotPast('2027-03-09', '2027-03-10')).toThrow(CommandValidationError);
  });
});
