import { randomUUID } from 'node:crypto';
import { assertPrincipal, InvalidPrincipalError, type Principal } from './principal';
import { POLKU_SYSTEM_ORG_ID } from './system-emitter';

const principal = (overrides: Record<string, unknown> = {}): Principal =>
  ({
    userId: 'user-1',
    orgId: randomUUID(),
    orgRole: 'PROVIDER',
    roles: ['CASEWORKER'],
    issuer: 'https://issuer.example',
    ...overrides,
  }) as Principal;

describe('principal', () => {
  it('should accept a person acting for an organisation', () => {
    expect(() => assertPrincipal(principal())).not.toThrow();
  });

  it.each([
    ['no userId', { userId: '' }],
    ['orgRole SYSTEM (polku’s own processes)', { orgRole: 'SYSTEM' }],
    ['orgRole CLIENT', { orgRole: 'CLIENT' }],
    ['polku’s system organisation', { orgId: POLKU_SYSTEM_ORG_ID }],
    ['a userId that names a system process', { userId: 'system:gateway-health' }],
    ['actor role SYSTEM', { roles: ['SYSTEM'] }],
    ['no roles', { roles: [] }],
  ])('should refuse %s', (_name, overrides) => {
    expect(() => assertPrincipal(principal(overrides))).toThrow(InvalidPrincipalError);
  });
});
