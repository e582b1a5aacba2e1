import { addCalendarDays, finnishDateOf } from '@polku/timers';
import type { SeededPath } from './seeded-path';

/** An instant `hours` from now, as the contracts write instants. */
export const hoursFromNow = (hours: number) =>
  new Date(Date.now() + hours * 3_600_000).toISOString();

/** A Finnish date `days` from today. */
export const daysFromToday = (days: number) => addCalendarDays(finnishDateOf(new Date()), days);

/** A progress meeting the provider convenes, inviting the employment authority, in two hours. */
export function scheduleBody(path: SeededPath, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'PROGRESS_MEETING',
    convenor: 'ORGANISATION',
    invitees: [
      { orgId: path.provider.orgId, roles: ['INSTRUCTOR'] },
      { orgId: path.employmentAuthority.orgId, roles: ['EMPLOYMENT_COUNSELLOR'] },
    ],
    startsAt: hoursFromNow(2),
    endsAt: hoursFromNow(3),
    venue: 'REMOTE',
    ...overrides,
  };
}

/** The record of a meeting held in the past hour, with both organisations present. */
export function recordBody(path: SeededPath, overrides: Record<string, unknown> = {}) {
  return {
    heldAt: hoursFromNow(-1),
    endedAt: hoursFromNow(-0.5),
    participants: [
      { orgId: path.provider.orgId, roles: ['INSTRUCTOR'] },
      { orgId: path.employmentAuthority.orgId, roles: ['EMPLOYMENT_COUNSELLOR'] },
    ],
    clientPresent: true,
    decisions: [{ kind: 'PLAN_CHANGE' }],
    ...overrides,
  };
}
