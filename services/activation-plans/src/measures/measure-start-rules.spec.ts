import { randomUUID } from 'node:crypto';
import { ActivationPlansConfig, loadConfig } from '@polku/config';
import { StartMeasureCommand } from '@polku/contracts';
import { validateCommand } from '@polku/service-runtime';
import { assertPlacementAndContract, scheduleViolations } from './measure-start-rules';
import { legalParametersOf } from './schedule-rules';

const PARAMETERS = legalParametersOf(loadConfig(ActivationPlansConfig, {}));

function command(overrides: Record<string, unknown> = {}): StartMeasureCommand {
  return validateCommand(StartMeasureCommand, {
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    placement: { kind: 'IN_HOUSE' },
    schedule: {
      daysPerWeek: 3,
      hoursPerDay: 4,
      startDate: '2027-01-11',
      plannedEndDate: '2027-07-10',
    },
    ...overrides,
  });
}

describe('assertPlacementAndContract', () => {
  it('should accept an in-house measure without a host and an external one with a host', () => {
    expect(() => assertPlacementAndContract(command())).not.toThrow();
    expect(() =>
      assertPlacementAndContract(
        command({ placement: { kind: 'EXTERNAL_HOST', hostOrgId: randomUUID() } }),
      ),
    ).not.toThrow();
  });

  it('should refuse an external placement without its host', () => {
    expect(() =>
      assertPlacementAndContract(command({ placement: { kind: 'EXTERNAL_HOST' } })),
    ).toThrow('placement.hostOrgId: an external placement names its host organisation');
  });

  it('should refuse an in-house placement with a host', () => {
    expect(() =>
      assertPlacementAndContract(
        command({ placement: { kind: 'IN_HOUSE', hostOrgId: randomUUID() } }),
      ),
    ).toThrow('placement.hostOrgId: an in-house placement has no host organisation');
  });

  it('should allow a contract type only for pay-subsidised work', () => {
    expect(() =>
      assertPlacementAndContract(
        command({ measureType: 'PAY_SUBSIDISED_WORK', contractType: 'FIXED_TERM' }),
      ),
    ).not.toThrow();
    expect(() => assertPlacementAndContract(command({ contractType: 'FIXED_TERM' }))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }) as Error,
    );
  });
});

describe('scheduleViolations', () => {
  it('should name the schedule field of the command in every violation', () => {
    const violations = scheduleViolations(
      command({
        schedule: {
          daysPerWeek: 5,
          hoursPerDay: 3.5,
          startDate: '2027-01-11',
          plannedEndDate: '2027-02-10',
        },
      }),
      PARAMETERS,
    );

    expect(violations.map(({ rule, field }) => ({ rule, field }))).toEqual([
      { rule: 'KTT_PERIOD_MIN', field: 'schedule.plannedEndDate' },
      { rule: 'KTT_DAYS_PER_WEEK_MAX', field: 'schedule.daysPerWeek' },
      { rule: 'KTT_HOURS_PER_DAY_MIN', field: 'schedule.hoursPerDay' },
    ]);
  });

  it('should find nothing wrong with a schedule that keeps every limit', () => {
    expect(scheduleViolations(command(), PARAMETERS)).toEqual([]);
  });
});
