import { createHmac, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { INTERNAL_TOKEN, type Principal } from '@polku/auth';
import { natsLinkOptionsFor } from '@polku/bus-permissions';
import {
  ClientIntakeConfig,
  DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY,
  DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS,
  parseInternalTokenSigningKey,
} from '@polku/config';
import { healthSubject, INTAKE_COMMANDS, type CreateReferralResult } from '@polku/contracts';
import {
  NatsLink,
  NatsRequestRecord,
  NatsTransportClient,
  RemoteServiceError,
  REQUEST_HEADERS,
} from '@polku/messaging';
import {
  connectServiceCommandClient,
  developmentTokenSigner,
  startServiceUnderTest,
  waitFor,
  type ServiceCommandClient,
  type ServiceUnderTest,
} from '@polku/testing';
import { SignJWT } from 'jose';
import { lastValueFrom } from 'rxjs';
import { AppModule } from '../src/app.module';
import { CLIENT_INTAKE_ENTITIES, CLIENT_INTAKE_MIGRATIONS } from '../src/database/schema';

// Issue 15: any process on NATS could send get-client with a made-up principal and receive a
// decrypted identity. Each attempt below goes through real NATS to the real service.

const IDENTITY_CODE = '131052-308T';
const referrerOrgId = randomUUID();
const providerOrgId = randomUUID();
const strangerOrgId = randomUUID();

const person = (orgId: string, orgRole: Principal['orgRole'], roles: Principal['roles']) => ({
  userId: `user-${randomUUID().slice(0, 8)}`,
  orgId,
  orgRole,
  roles,
  issuer: 'polku-test',
});
const referrer = person(referrerOrgId, 'EMPLOYMENT_AUTHORITY', ['CASEWORKER']);
const stranger = person(strangerOrgId, 'PROVIDER', ['CASEWORKER']);

const devKey = parseInternalTokenSigningKey(DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY);
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const payloadOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as object;

/** A token as the gateway signs one for `principal`, with any claim or header replaced. */
function tokenFor(
  principal: Principal,
  requestId: string,
  options: { key?: KeyObject; claims?: Record<string, unknown>; kid?: string } = {},
): Promise<string> {
  const t = now();
  return new SignJWT({
    iss: INTERNAL_TOKEN.issuer,
    aud: INTERNAL_TOKEN.audience,
    sub: principal.userId,
    jti: requestId,
    iat: t,
    nbf: t,
    exp: t + 30,
    polku_kind: 'user',
    polku_org_id: principal.orgId,
    polku_org_role: principal.orgRole,
    polku_roles: principal.roles,
    polku_user_iss: principal.issuer,
    ...options.claims,
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: INTERNAL_TOKEN.type, kid: options.kid ?? devKey.kid })
    .sign(options.key ?? devKey.privateKey);
}

describe('client-intake refuses callers it cannot verify (issue 15)', () => {
  let service: ServiceUnderTest;
  let commands: ServiceCommandClient;
  let raw: NatsTransportClient;
  let link: NatsLink;
  let pathId: string;

  beforeAll(async () => {
    service = await startServiceUnderTest({
      service: 'client-intake',
      appModule: AppModule,
      entities: CLIENT_INTAKE_ENTITIES,
      migrations: CLIENT_INTAKE_MIGRATIONS,
      configClass: ClientIntakeConfig,
    });
    expect(service.config.INTERNAL_TOKEN_VERIFY_KEYS).toBe(DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS);
    commands = await connectServiceCommandClient(service.config);
    // Even the gateway's own NATS user, which may send requests, cannot name a caller without
    // the signing key.
    link = new NatsLink(natsLinkOptionsFor(service.config, 'gateway', 'polku-test-forger'));
    await link.connect();
    raw = new NatsTransportClient({
      link,
      namespace: service.config.NATS_NAMESPACE,
      defaultTimeoutMs: 10_000,
    });

    // The registry's administrator registers a provider and the referrer's organisation; a
    // caseworker refers a client to the provider.
    const registryAdmin = person(providerOrgId, 'PROVIDER', ['REGISTRY_ADMIN']);
    await commands.ask(INTAKE_COMMANDS.registerOrganisation, registryAdmin, {
      id: providerOrgId,
      expectedVersion: 0,
      body: { name: 'Testin Työpaja ry', role: 'PROVIDER', active: true },
    });
    // A referrer refers under the role the registry gives its organisation.
    await commands.ask(INTAKE_COMMANDS.registerOrganisation, registryAdmin, {
      id: referrerOrgId,
      expectedVersion: 0,
      body: { name: 'Testin työllisyysalue', role: 'EMPLOYMENT_AUTHORITY', active: true },
    });
    ({ pathId } = await commands.ask<CreateReferralResult>(
      INTAKE_COMMANDS.createReferral,
      referrer,
      {
        client: {
          personalIdentityCode: IDENTITY_CODE,
          givenNames: 'Tokeni',
          familyName: 'Testinen',
          language: 'fi',
          addressProtected: false,
        },
        toOrgId: providerOrgId,
        requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
        reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
        fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-1' },
        desiredStart: '2027-01-07',
      },
    ));
    // The baseline: the referrer, signed by the (development) gateway key, reads the identity.
    await waitFor(
      async () =>
        (
          await commands.ask<{ personalIdentityCode: string }>(
            INTAKE_COMMANDS.getClient,
            referrer,
            { pathId },
          )
        ).personalIdentityCode === IDENTITY_CODE,
      { description: 'the referrer to read the client' },
    );
  });

  afterAll(async () => {
    await link.close();
    await commands.close();
    await service.close();
  });

  /** get-client with exactly these headers: the error body, never an identity. */
  async function getClientWith(headers: Record<string, string>) {
    try {
      const answer = await lastValueFrom(
        raw.send(INTAKE_COMMANDS.getClient, new NatsRequestRecord({ pathId }, { headers })),
      );
      throw new Error(`get-client answered ${JSON.stringify(answer)}`);
    } catch (error) {
      if (!(error instanceof RemoteServiceError)) {
        throw error;
      }
      expect(JSON.stringify(error.body)).not.toContain(IDENTITY_CODE);
      return error.body;
    }
  }

  const signed = (requestId: string, token: string) => ({
    [REQUEST_HEADERS.requestId]: requestId,
    [REQUEST_HEADERS.internalToken]: token,
  });

  it('should refuse a forged principal (the old unsigned base64url header) as UNAUTHENTICATED, with no identity', async () => {
    const body = await getClientWith({
      [REQUEST_HEADERS.requestId]: randomUUID(),
      'polku-principal': b64(referrer),
    });
    expect(body.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a token signed with another Ed25519 key under the development kid', async () => {
    const requestId = randomUUID();
    const { privateKey } = generateKeyPairSync('ed25519');
    const token = await tokenFor(referrer, requestId, { key: privateKey });
    expect((await getClientWith(signed(requestId, token))).code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a tampered token: a stranger’s token whose orgId was changed to the referrer’s after signing', async () => {
    const requestId = randomUUID();
    const [header, , signature] = (await tokenFor(stranger, requestId)).split('.');
    const tampered = b64({
      ...payloadOf(await tokenFor(stranger, requestId)),
      polku_org_id: referrerOrgId,
      polku_org_role: 'EMPLOYMENT_AUTHORITY',
    });
    const body = await getClientWith(signed(requestId, `${header}.${tampered}.${signature}`));
    expect(body.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse an expired token', async () => {
    const requestId = randomUUID();
    const t = now() - 120;
    const token = await tokenFor(referrer, requestId, {
      claims: { iat: t, nbf: t, exp: t + 30 },
    });
    expect((await getClientWith(signed(requestId, token))).code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a token for another audience', async () => {
    const requestId = randomUUID();
    const token = await tokenFor(referrer, requestId, { claims: { aud: 'polku-gateway' } });
    expect((await getClientWith(signed(requestId, token))).code).toBe('UNAUTHENTICATED');
  });

  it('should refuse alg none and HS256 signed with the development public key as the secret', async () => {
    const requestId = randomUUID();
    const payload = b64(payloadOf(await tokenFor(referrer, requestId)));
    const none = `${b64({ alg: 'none', typ: INTERNAL_TOKEN.type, kid: devKey.kid })}.${payload}.`;
    const hsHeader = b64({ alg: 'HS256', typ: INTERNAL_TOKEN.type, kid: devKey.kid });
    const publicKey = Buffer.from(DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS.split(':')[1], 'base64');
    const mac = createHmac('sha256', publicKey)
      .update(`${hsHeader}.${payload}`)
      .digest('base64url');

    expect((await getClientWith(signed(requestId, none))).code).toBe('UNAUTHENTICATED');
    const hs256 = `${hsHeader}.${payload}.${mac}`;
    expect((await getClientWith(signed(requestId, hs256))).code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a valid token replayed under another request id', async () => {
    const token = await tokenFor(referrer, randomUUID());
    expect((await getClientWith(signed(randomUUID(), token))).code).toBe('UNAUTHENTICATED');
  });

  it('should refuse a system token on get-client, a command only a user may send', async () => {
    const requestId = randomUUID();
    // Exactly what the gateway sends for its health checks.
    const token = await developmentTokenSigner().sign({
      kind: 'system',
      process: 'gateway:health',
      requestId,
    });
    expect((await getClientWith(signed(requestId, token))).code).toBe('FORBIDDEN');
  });

  it('should still answer health to the gateway’s system caller', async () => {
    await expect(service.ask(healthSubject('client-intake'))).resolves.toMatchObject({
      service: 'client-intake',
    });
  });
});
