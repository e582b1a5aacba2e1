import { addCalendarDays, finnishDateOf } from '@polku/timers';
import type { SeededPath } from './seeded-path';

/** A Finnish calendar date `days` from today: review dates must not be in the past. */
export function daysFromToday(days: number): string {
  return addCalendarDays(finnishDateOf(new Date()), days);
}

export const GAS_SCALE = {
  levelMinus2: 'En käy ollenkaan.',
  levelMinus1: 'Käyn yhtenä päivänä viikossa.',
  level0: 'Käyn kolmena päivänä viikossa.',
  levelPlus1: 'Käyn neljänä päivänä viikossa.',
  levelPlus2: 'Haen palkkatukityötä.',
};

export const THREE_DAYS_GOAL = 'Käyn työtoiminnassa kolmena päivänä viikossa.';
export const MORNINGS_GOAL = 'Herään aamuisin kahdeksalta.';

/**
 * An AgreePlanCommand body: the employment authority, social services and the provider agree
 * the plan with the client, one goal with a GAS scale and one without, one linked plan.
 */
export function agreePlanBody(path: SeededPath, overrides: Record<string, unknown> = {}) {
  return {
    parties: [
      { orgId: path.employmentAuthority.orgId, role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: path.socialServices.orgId, role: 'SOCIAL_SERVICES' },
      { orgId: path.provider.orgId, role: 'PROVIDER' },
    ],
    clientAgreed: true,
    linkedPlans: [
      {
        kind: 'EMPLOYMENT_PLAN',
        reference: 'TP-2026-0042',
        heldByOrgId: path.employmentAuthority.orgId,
      },
    ],
    reviewDate: daysFromToday(180),
    goals: [{ text: THREE_DAYS_GOAL, gasScale: GAS_SCALE }, { text: MORNINGS_GOAL }],
    ...overrides,
  };
}

/** A StartMeasureCommand body: rehabilitative work activity in-house, 3 days of 4 hours. */
export function startMeasureBody(schedule: Record<string, unknown> = {}) {
  return {
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    placement: { kind: 'IN_HOUSE' },
    schedule: {
      daysPerWeek: 3,
      hoursPerDay: 4,
      startDate: '2027-01-11',
      plannedEndDate: '2027-07-10',
      ...schedule,
    },
  };
}
