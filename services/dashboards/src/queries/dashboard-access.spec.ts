import type { Principal, UserRole } from '@polku/auth';
import { ForbiddenCommandError } from '@polku/service-runtime';
import { organisationOfScope, requireManager } from './dashboard-access';

const person = (...roles: UserRole[]): Principal => ({
  userId: 'user-1',
  orgId: '6f1c1c52-7a39-4c43-9a8a-2f5d0f0b6b11',
  orgRole: 'PROVIDER',
  roles,
  issuer: 'polku-test',
});

describe('dashboard access', () => {
  it('should let a manager read, also one with another role besides', () => {
    expect(() => requireManager(person('MANAGER'))).not.toThrow();
    expect(() => requireManager(person('CASEWORKER', 'MANAGER'))).not.toThrow();
  });

  it.each([['CASEWORKER'], ['TEAM_LEAD'], ['ADMIN'], ['REGISTRY_ADMIN'], ['EXPERT_COORDINATOR']])(
    'should refuse a %s as forbidden',
    (role) => {
      expect(() => requireManager(person(role as UserRole))).toThrow(ForbiddenCommandError);
    },
  );

  it('should count the caller’s own organisation in ORGANISATION scope and none in REGION', () => {
    const manager = person('MANAGER');
    expect(organisationOfScope(manager, 'ORGANISATION')).toBe(manager.orgId);
    expect(organisationOfScope(manager, 'REGION')).toBeUndefined();
  });
});
