import { randomUUID } from 'node:crypto';
import {
  decodePrincipal,
  encodePrincipal,
  InvalidPrincipalError,
  type Principal,
} from './principal';

const provider = randomUUID();

const principal = (orgId: string, roles: Principal['roles'] = ['CASEWORKER']): Principal => ({
  userId: 'user-1',
  orgId,
  orgRole: 'PROVIDER',
  roles,
  issuer: 'https://issuer.example',
});

describe('principal header', () => {
  it('should round-trip a principal', () => {
    const original = principal(provider, ['CASEWORKER', 'TEAM_LEAD']);
    expect(decodePrincipal(encodePrincipal(original))).toEqual(original);
  });

  it.each(['', 'not-base64-json', Buffer.from('{"userId":"x"}').toString('base64url')])(
    'should refuse the header %j',
    (header) => {
      expect(() => decodePrincipal(header)).toThrow(InvalidPrincipalError);
    },
  );
});
