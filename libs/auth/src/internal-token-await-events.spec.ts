import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  INTERNAL_TOKEN,
  InternalTokenError,
  MAX_AWAITED_EVENTS,
  type UserCaller,
} from './internal-token';
import { InternalTokenSigner } from './internal-token-signer';
import { InternalTokenVerifier } from './internal-token-verifier';

const pair = generateKeyPairSync('ed25519');
const verifier = new InternalTokenVerifier([{ kid: 'k1', publicKey: pair.publicKey }]);
const signer = new InternalTokenSigner({ kid: 'k1', privateKey: pair.privateKey });

const user = (requestId: string): UserCaller => ({
  kind: 'user',
  requestId,
  principal: {
    userId: 'user-1',
    orgId: randomUUID(),
    orgRole: 'PROVIDER',
    roles: ['CASEWORKER'],
    issuer: 'https://login.example.fi',
  },
});

/** A correctly signed token whose await claim is whatever the test says. */
function tokenAwaiting(awaited: unknown): Promise<string> {
  const t = Math.floor(Date.now() / 1000);
  return new SignJWT({
    polku_kind: 'user',
    polku_org_id: randomUUID(),
    polku_org_role: 'PROVIDER',
    polku_roles: ['CASEWORKER'],
    polku_user_iss: 'https://login.example.fi',
    polku_await_events: awaited,
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: INTERNAL_TOKEN.type, kid: 'k1' })
    .setIssuer(INTERNAL_TOKEN.issuer)
    .setAudience(INTERNAL_TOKEN.audience)
    .setSubject('user-1')
    .setJti('r-1')
    .setIssuedAt(t)
    .setExpirationTime(t + 30)
    .sign(pair.privateKey);
}

async function refusal(token: string): Promise<string> {
  try {
    await verifier.verifyRequest(token, 'r-1');
  } catch (error) {
    if (error instanceof InternalTokenError) {
      return error.reason;
    }
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('the events an internal token asks a service to await', () => {
  it('should give back the signed event ids with the caller when the gateway names some', async () => {
    const ids = [randomUUID(), randomUUID()];
    const caller = user('r-1');
    const verified = await verifier.verifyRequest(
      await signer.sign(caller, { awaitEvents: ids }),
      'r-1',
    );
    expect(verified).toEqual({ caller, awaitEvents: ids });
  });

  it('should await nothing when the token names no events', async () => {
    const verified = await verifier.verifyRequest(await signer.sign(user('r-1')), 'r-1');
    expect(verified.awaitEvents).toEqual([]);
  });

  it('should refuse to sign more ids than a service may be asked to await', async () => {
    const ids = Array.from({ length: MAX_AWAITED_EVENTS + 1 }, () => randomUUID());
    await expect(signer.sign(user('r-1'), { awaitEvents: ids })).rejects.toThrow(/at most 64/);
  });

  it('should refuse a token whose await claim is not a list of event ids', async () => {
    expect(await refusal(await tokenAwaiting('not-a-list'))).toMatch(/list of event ids/);
    expect(await refusal(await tokenAwaiting(['drop table']))).toMatch(/no event id/);
    expect(
      await refusal(
        await tokenAwaiting(Array.from({ length: MAX_AWAITED_EVENTS + 1 }, () => randomUUID())),
      ),
    ).toMatch(/at most 64/);
  });

  it('should refuse a token whose await claim was changed after signing', async () => {
    const token = await signer.sign(user('r-1'), { awaitEvents: [randomUUID()] });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const tampered = Buffer.from(
      JSON.stringify({ ...claims, polku_await_events: [randomUUID()] }),
    ).toString('base64url');
    expect(await refusal(`${header}.${tampered}.${signature}`)).toBe('signature does not verify');
  });
});
