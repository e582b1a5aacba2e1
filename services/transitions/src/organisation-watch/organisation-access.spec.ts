import { randomUUID } from 'node:crypto';
import type { Principal, UserRole } from '@polku/auth';
import { ForbiddenCommandError } from '@polku/service-runtime';
import { assertLeadOf } from './organisation-access';

const ORG = randomUUID();

const principal = (...roles: UserRole[]): Principal => ({
  userId: 'usr_lead',
  orgId: ORG,
  orgRole: 'PROVIDER',
  roles,
  issuer: 'polku-test',
});

describe('assertLeadOf', () => {
  it.each<UserRole>(['TEAM_LEAD', 'MANAGER'])(
    'should let a %s of the organisation through',
    (role) => {
      expect(() => assertLeadOf(principal(role), ORG)).not.toThrow();
    },
  );

  it.each<UserRole>(['CASEWORKER', 'ADMIN', 'EXPERT_COORDINATOR'])('should refuse a %s', (role) => {
    expect(() => assertLeadOf(principal(role), ORG)).toThrow(ForbiddenCommandError);
  });

  it('should refuse a manager of another organisation', () => {
    expect(() => assertLeadOf(principal('MANAGER'), randomUUID())).toThrow(ForbiddenCommandError);
  });
});
