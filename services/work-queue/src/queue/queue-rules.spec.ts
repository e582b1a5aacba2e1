import type { Principal, UserRole } from '@polku/auth';
import { CommandValidationError, ForbiddenCommandError } from '@polku/service-runtime';
import { finnishToday, isOverdue, queueSortKey, requireScope, scopesOf } from './queue-rules';

const as = (...roles: UserRole[]): Principal => ({
  userId: 'u1',
  orgId: '0196d3c4-0000-7000-8000-000000000001',
  orgRole: 'PROVIDER',
  roles,
  issuer: 'test',
});

describe('queue rules', () => {
  it('should give team leads the team queue and managers the organisation queue only', () => {
    expect(requireScope(as('CASEWORKER'), undefined, undefined)).toBe('MINE');
    expect(requireScope(as('TEAM_LEAD'), 'TEAM', 'w1')).toBe('TEAM');
    expect(requireScope(as('MANAGER'), 'ORGANISATION', 'w1')).toBe('ORGANISATION');
    expect(() => requireScope(as('CASEWORKER'), 'TEAM', undefined)).toThrow(ForbiddenCommandError);
    expect(() => requireScope(as('TEAM_LEAD'), 'ORGANISATION', undefined)).toThrow(
      ForbiddenCommandError,
    );
    expect(() => requireScope(as('MANAGER'), undefined, undefined)).toThrow(ForbiddenCommandError);
    expect(() => requireScope(as('ADMIN'), 'MINE', undefined)).toThrow(ForbiddenCommandError);
  });

  it('should refuse a worker filter on one’s own queue', () => {
    expect(() => requireScope(as('CASEWORKER'), 'MINE', 'w1')).toThrow(CommandValidationError);
  });

  it('should list the scopes each role reads', () => {
    expect(scopesOf(as('CASEWORKER'))).toEqual(['MINE']);
    expect(scopesOf(as('TEAM_LEAD', 'MANAGER'))).toEqual(['MINE', 'TEAM', 'ORGANISATION']);
    expect(scopesOf(as('REGISTRY_ADMIN'))).toEqual([]);
  });

  it('should measure overdue against today in Finland, not in UTC', () => {
    // 22:30 UTC on 1 March is already 2 March in Helsinki (UTC+2).
    const today = finnishToday(new Date('2026-03-01T22:30:00.000Z'));

    expect(today).toBe('2026-03-02');
    expect(isOverdue('2026-03-01', today)).toBe(true);
    expect(isOverdue('2026-03-02', today)).toBe(false);
    expect(isOverdue(null, today)).toBe(false);
  });

  it('should order overdue items first, then by due date, and items without a date last', () => {
    const today = '2026-03-10';
    const dates = ['2026-03-12', null, '2026-03-01', '2026-03-10', '2026-03-09'];
    const ordered = [...dates].sort((a, b) => queueSortKey(a).localeCompare(queueSortKey(b)));

    expect(ordered).toEqual(['2026-03-01', '2026-03-09', '2026-03-10', '2026-03-12', null]);
    const overdue = ordered.map((date) => isOverdue(date, today));
    expect(overdue).toEqual([true, true, false, false, false]);
  });
});
