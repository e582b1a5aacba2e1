import { ageOn } from '../people/person';
import { helsinkiTime, plannedEndOf } from './dates';
import { ageBandOf } from './intake-requests';

describe('dates of the commands', () => {
  it('should end a period of n months as activation-plans counts it', () => {
    // docs/plans.md: 1.1.–31.3. and 15.1.–14.4. are 3 months, 31.1.–28.2. is 1 month.
    expect(plannedEndOf('2025-01-01', 3)).toBe('2025-03-31');
    expect(plannedEndOf('2025-01-15', 3)).toBe('2025-04-14');
    expect(plannedEndOf('2025-01-31', 1)).toBe('2025-02-28');
    expect(plannedEndOf('2025-03-01', 24)).toBe('2027-02-28');
  });

  it('should place 09:00 Helsinki in winter and summer time', () => {
    expect(helsinkiTime('2025-01-15', 9).toISOString()).toBe('2025-01-15T07:00:00.000Z');
    expect(helsinkiTime('2025-07-15', 9).toISOString()).toBe('2025-07-15T06:00:00.000Z');
  });

  it('should give the intake the age band of the age on its day', () => {
    expect(ageOn('2000-06-15', '2025-06-14')).toBe(24);
    expect(ageOn('2000-06-15', '2025-06-15')).toBe(25);
    expect(ageBandOf(24)).toBe('AGE_18_24');
    expect(ageBandOf(25)).toBe('AGE_25_29');
    expect(ageBandOf(64)).toBe('AGE_60_OR_OVER');
  });
});
