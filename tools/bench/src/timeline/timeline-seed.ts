import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from './bench-support';
import type { Client } from 'pg';
import type { GatewayHttp } from './gateway-http';

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Who refers (the employment area) and who reads the timelines (the provider, Työnsilta). */
export const REFERRER = 'tiina.tyollisyys';
// The client-work roles (CASEWORKER, TEAM_LEAD) of Työnsilta; its manager sees no client data.
export const PROVIDER_READERS = ['ville.tyonsilta', 'terhi.tyonsilta'] as const;

/** A path the bench made through the gateway, with what its events need to carry. */
export interface SeededPath {
  readonly pathId: string;
  /** The client's pseudonymous reference, as network-meetings recorded it from ClientReferred. */
  readonly clientRef: string;
}

/** A made-up client with a valid personal identity code of its own. */
function client(n: number) {
  const birth =
    String(1 + (n % 28)).padStart(2, '0') +
    String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0') +
    String(60 + (Math.floor(n / 336) % 40));
  const individual = String(200 + (n % 300) * 2).padStart(3, '0');
  const check = CHECK_CHARACTERS[Number(`${birth}${individual}`) % 31];
  return {
    personalIdentityCode: `${birth}-${individual}${check}`,
    givenNames: 'Polku',
    familyName: `Penkki${n}`,
    language: 'fi',
    addressProtected: false,
  };
}

/**
 * A path referred by the employment area to Työnsilta and accepted by it, made through the
 * gateway as caseworkers make it (as e2e/system's seed-paths does): the client's consent names
 * Työnsilta for PATH, PLAN, ATTENDANCE and HEALTH_FLAG, so Työnsilta's users see the attendance
 * entries the bench then writes on its timeline.
 */
async function acceptedPath(api: GatewayHttp, n: number): Promise<string> {
  const created = await api.call('POST', '/referrals', REFERRER, {
    client: client(n),
    toOrgId: DEMO_ORGANISATIONS.tyonsilta.id,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: '2027-01-07',
    consent: {
      orgIds: [DEMO_ORGANISATIONS.tyonsilta.id],
      dataClasses: ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'],
      howGiven: 'WRITTEN',
      purpose: 'REFERRAL',
    },
  });
  if (created.status !== 201) {
    throw new Error(`referral answered ${created.status}: ${JSON.stringify(created.body)}`);
  }
  const { pathId, referralId } = created.body as { pathId: string; referralId: string };
  await waitFor(
    async () =>
      (await api.call('GET', `/paths/${pathId}/referrals`, PROVIDER_READERS[0])).status === 200 ||
      undefined,
    { timeoutMs: 30_000, description: `the referral of ${pathId} visible to Työnsilta` },
  );
  const accepted = await api.call(
    'POST',
    `/paths/${pathId}/referrals/${referralId}/acceptance`,
    PROVIDER_READERS[0],
    { expectedStart: '2027-01-14' },
    { 'if-match': '"1"' },
  );
  if (accepted.status !== 200) {
    throw new Error(`acceptance answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  }
  return pathId;
}

/**
 * `count` accepted paths, a few at a time, then waits until network-meetings knows each one's
 * client reference and acceptance (its access facts), so events on them are visible at once.
 */
export async function seedPaths(
  api: GatewayHttp,
  meetingsDb: Client,
  count: number,
  firstClient: number,
): Promise<SeededPath[]> {
  const pathIds: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      pathIds.push(await acceptedPath(api, firstClient + index));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, count) }, worker));
  return waitFor(
    async () => {
      const { rows } = await meetingsDb.query<{ path_id: string; client_ref: string }>(
        `SELECT c.path_id, c.client_ref
           FROM path_client_ref c
          WHERE c.path_id = ANY($1::uuid[])
            AND EXISTS (SELECT 1 FROM path_access_referral r
                         WHERE r.path_id = c.path_id AND r.outcome = 'ACCEPTED')`,
        [pathIds],
      );
      return rows.length === pathIds.length
        ? rows.map((row) => ({ pathId: row.path_id, clientRef: row.client_ref }))
        : undefined;
    },
    { timeoutMs: 60_000, description: `network-meetings to know the ${count} seeded paths` },
  );
}
