import { createHmac, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  INTERNAL_TOKEN,
  InternalTokenError,
  type InternalCaller,
  type UserCaller,
} from './internal-token';
import { InternalTokenSigner } from './internal-token-signer';
import { InternalTokenVerifier } from './internal-token-verifier';
import { emitterOf } from './roles';
import { POLKU_SYSTEM_ORG_ID } from './system-emitter';

const pair = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const verifier = new InternalTokenVerifier([{ kid: 'k1', publicKey: pair.publicKey }]);
const signer = new InternalTokenSigner({ kid: 'k1', privateKey: pair.privateKey });
const ORG_ID = randomUUID();

const user = (requestId: string = randomUUID()): UserCaller => ({
  kind: 'user',
  requestId,
  principal: {
    userId: 'user-1',
    orgId: ORG_ID,
    orgRole: 'PROVIDER',
    roles: ['CASEWORKER', 'TEAM_LEAD'],
    issuer: 'https://login.example.fi',
  },
});

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token built by hand, to try what the signer never makes. */
function forge(
  options: {
    key?: KeyObject;
    header?: Record<string, unknown>;
    claims?: Record<string, unknown>;
  } = {},
): Promise<string> {
  const t = now();
  return new SignJWT({
    polku_kind: 'user',
    polku_org_id: ORG_ID,
    polku_org_role: 'PROVIDER',
    polku_roles: ['CASEWORKER'],
    polku_user_iss: 'https://login.example.fi',
    iss: INTERNAL_TOKEN.issuer,
    aud: INTERNAL_TOKEN.audience,
    sub: 'user-1',
    jti: 'r-1',
    iat: t,
    exp: t + 30,
    ...options.claims,
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: INTERNAL_TOKEN.type, kid: 'k1', ...options.header })
    .sign(options.key ?? pair.privateKey);
}

async function refusal(token: string, requestId = 'r-1'): Promise<string> {
  try {
    await verifier.verify(token, requestId);
  } catch (error) {
    if (error instanceof InternalTokenError) {
      return error.reason;
    }
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('internal token', () => {
  it('should give back the user the gateway signed for, with the request id', async () => {
    const caller = user();
    expect(await verifier.verify(await signer.sign(caller), caller.requestId)).toEqual(caller);
  });

  it('should give back a system caller as a system caller, never as a principal', async () => {
    const token = await signer.sign({
      kind: 'system',
      process: 'gateway:health',
      requestId: 'r-1',
    });
    expect(await verifier.verify(token, 'r-1')).toEqual({
      kind: 'system',
      process: 'gateway:health',
      requestId: 'r-1',
    });
  });

  it('should accept a forged-looking but correct hand-made token (the forge helper is sound)', async () => {
    await expect(verifier.verify(await forge(), 'r-1')).resolves.toMatchObject({ kind: 'user' });
  });

  it('should refuse a request without a token', async () => {
    await expect(verifier.verify(undefined, 'r-1')).rejects.toThrow('no internal token');
  });

  it('should refuse a token signed with another Ed25519 key under a known kid', async () => {
    expect(await refusal(await forge({ key: other.privateKey }))).toBe('signature does not verify');
  });

  it('should refuse a token whose payload was changed after signing (another orgId)', async () => {
    const [header, , signature] = (await forge()).split('.');
    const tampered = b64({
      ...JSON.parse(Buffer.from((await forge()).split('.')[1], 'base64url').toString()),
      polku_org_id: randomUUID(),
    });
    expect(await refusal(`${header}.${tampered}.${signature}`)).toBe('signature does not verify');
  });

  it('should refuse alg none', async () => {
    const token = `${b64({ alg: 'none', typ: INTERNAL_TOKEN.type, kid: 'k1' })}.${(await forge()).split('.')[1]}.`;
    expect(await refusal(token)).toBe('signing algorithm not allowed');
  });

  it('should refuse HS256 signed with the public key as the secret', async () => {
    const header = b64({ alg: 'HS256', typ: INTERNAL_TOKEN.type, kid: 'k1' });
    const payload = (await forge()).split('.')[1];
    const secret = pair.publicKey.export({ format: 'der', type: 'spki' });
    const mac = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    expect(await refusal(`${header}.${payload}.${mac}`)).toBe('signing algorithm not allowed');
  });

  it('should refuse an expired token', async () => {
    const t = now() - 120;
    expect(await refusal(await forge({ claims: { iat: t, exp: t + 30 } }))).toBe('token expired');
  });

  it('should refuse a token issued in the future (not yet valid)', async () => {
    const t = now() + 120;
    expect(await refusal(await forge({ claims: { iat: t, exp: t + 30 } }))).toMatch(/iat/);
  });

  it('should refuse a token not valid before a future nbf', async () => {
    expect(await refusal(await forge({ claims: { nbf: now() + 120 } }))).toMatch(/nbf/);
  });

  it('should refuse a token that would live longer than the maximum', async () => {
    const t = now();
    expect(await refusal(await forge({ claims: { iat: t, exp: t + 3600 } }))).toMatch(/longer/);
  });

  it.each([
    ['another audience', { aud: 'polku-gateway' }, /aud/],
    ['an audience list that includes polku', { aud: ['polku', 'other'] }, /exactly polku/],
    ['another issuer', { iss: 'https://login.example.fi' }, /iss/],
    ['no jti', { jti: undefined }, /jti/],
  ])('should refuse a token with %s', async (_name, claims, reason) => {
    expect(await refusal(await forge({ claims }))).toMatch(reason);
  });

  it.each([
    ['another typ (a plain JWT)', { typ: 'JWT' }, /typ/],
    ['an unknown kid', { kid: 'k9' }, /unknown kid/],
    ['no kid', { kid: undefined }, /no kid/],
  ])('should refuse a token with %s', async (_name, header, reason) => {
    expect(await refusal(await forge({ header }))).toMatch(reason);
  });

  it('should refuse a token made for another request id', async () => {
    const token = await signer.sign(user('r-1'));
    expect(await refusal(token, 'r-2')).toBe('jti differs from the request id');
  });

  it.each([
    ['orgRole SYSTEM', { polku_org_role: 'SYSTEM' }],
    ['orgRole CLIENT', { polku_org_role: 'CLIENT' }],
    ['polku’s system organisation', { polku_org_id: POLKU_SYSTEM_ORG_ID }],
    ['a system: user id', { sub: 'system:gateway-health' }],
    ['no kind', { polku_kind: undefined }],
    ['kind system with user claims', { polku_kind: 'system' }],
  ])('should refuse a signed user token with %s', async (_name, claims) => {
    await expect(verifier.verify(await forge({ claims }), 'r-1')).rejects.toThrow(
      InternalTokenError,
    );
  });

  it('should never sign a user principal with orgRole SYSTEM', async () => {
    const caller = user();
    const forged = { ...caller, principal: { ...caller.principal, orgRole: 'SYSTEM' } };
    await expect(signer.sign(forged as InternalCaller)).rejects.toThrow(/SYSTEM/);
  });

  it('should make no SYSTEM emitter out of any verified user token', async () => {
    const caller = await verifier.verify(await signer.sign(user('r-1')), 'r-1');
    if (caller.kind !== 'user') {
      throw new Error('expected a user');
    }
    const emitter = emitterOf(caller.principal);
    expect(emitter.orgRole).not.toBe('SYSTEM');
    expect(emitter.actorRole).not.toBe('SYSTEM');
    expect(emitter.orgId).not.toBe(POLKU_SYSTEM_ORG_ID);
  });

  it('should refuse to sign for longer than a minute', () => {
    expect(
      () => new InternalTokenSigner({ kid: 'k1', privateKey: pair.privateKey, lifeSeconds: 61 }),
    ).toThrow(/1 to 60/);
  });

  it('should accept a token of either key while the signing key rotates', async () => {
    const rotating = new InternalTokenVerifier([
      { kid: 'k1', publicKey: pair.publicKey },
      { kid: 'k2', publicKey: other.publicKey },
    ]);
    const next = new InternalTokenSigner({ kid: 'k2', privateKey: other.privateKey });
    await expect(rotating.verify(await signer.sign(user('r-1')), 'r-1')).resolves.toBeDefined();
    await expect(rotating.verify(await next.sign(user('r-2')), 'r-2')).resolves.toBeDefined();
  });
});
