import type { Principal, UserRole } from '@polku/auth';
import { CommandValidationError, ForbiddenCommandError } from '@polku/service-runtime';
import { OPEN_PATH_STATES, requireCaseloadScope } from './caseload-rules';

const as = (...roles: UserRole[]): Principal => ({
  userId: 'u1',
  orgId: '0196d3c4-0000-7000-8000-000000000001',
  orgRole: 'PROVIDER',
  roles,
  issuer: 'test',
});

describe('caseload rules', () => {
  it('should give caseworkers their own caseload and leads and managers the organisation’s', () => {
    expect(requireCaseloadScope(as('CASEWORKER'), undefined, undefined)).toBe('MINE');
    expect(requireCaseloadScope(as('TEAM_LEAD'), 'ORGANISATION', 'w1')).toBe('ORGANISATION');
    expect(requireCaseloadScope(as('MANAGER'), 'ORGANISATION', undefined)).toBe('ORGANISATION');
    expect(() => requireCaseloadScope(as('CASEWORKER'), 'ORGANISATION', undefined)).toThrow(
      ForbiddenCommandError,
    );
    expect(() => requireCaseloadScope(as('MANAGER'), 'MINE', undefined)).toThrow(
      ForbiddenCommandError,
    );
    expect(() => requireCaseloadScope(as('CASEWORKER'), 'MINE', 'w1')).toThrow(
      CommandValidationError,
    );
  });

  it('should list open paths by default', () => {
    expect(OPEN_PATH_STATES).not.toContain('CLOSED');
    expect(OPEN_PATH_STATES).not.toContain('REENTERED');
    expect(OPEN_PATH_STATES).toContain('IN_MEASURE');
  });
});
