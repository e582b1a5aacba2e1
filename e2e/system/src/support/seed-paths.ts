import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import type { Answer, ApiCall } from './gateway-client';

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** An intake as the provider records it: every field the command needs, no basic need issues. */
export const INTAKE_BODY = {
  economicSituation: 'WEAK',
  healthFlag: false,
  housingSituation: 'OWN_HOME',
  relationships: 'NO_CONCERN',
  lifeManagement: 'NO_CONCERN',
  educationLevel: 'VOCATIONAL',
  educationCurrency: 'UP_TO_DATE',
  unemploymentDurationBand: 'DAYS_500_TO_999',
  ageBand: 'AGE_30_39',
  languageAndIntegrationNeeds: [],
  currentBenefits: [],
  basics: {
    housing: 'IN_ORDER',
    benefits: 'IN_ORDER',
    permits: 'NOT_APPLICABLE',
    debts: 'IN_ORDER',
    treatment: 'IN_ORDER',
  },
  basicNeedIssues: [],
};

/** Paths made through the gateway as caseworkers make them, for the system tests. */
export function pathSeeder(api: ApiCall, clientFamilyName: string) {
  let clientNumber = 0;

  /** A made-up client with a valid personal identity code of its own. */
  function newClient() {
    clientNumber += 1;
    // Born 1960–1999 in turn; the individual number keeps every code unique (up to 399 clients).
    const birth = `0101${String(60 + (clientNumber % 40)).padStart(2, '0')}`;
    const individual = String(200 + clientNumber * 2).padStart(3, '0');
    const check = CHECK_CHARACTERS[Number(`${birth}${individual}`) % 31];
    return {
      personalIdentityCode: `${birth}-${individual}${check}`,
      givenNames: 'Polku',
      familyName: `${clientFamilyName}${clientNumber}`,
      language: 'fi',
      addressProtected: false,
    };
  }

  /** Waits until a call answers `status`: the gateway's projection catches up with events. */
  function whenStatus(path: string, as: string, status: number): Promise<Answer> {
    return waitFor(
      async () => {
        const answer = await api('GET', path, as);
        return answer.status === status ? answer : undefined;
      },
      { timeoutMs: 20_000, description: `GET ${path} as ${as} answering ${status}` },
    );
  }

  /**
   * A path referred by the employment area to Työnsilta and accepted, with the client's consent
   * for Työnsilta to see the plan, attendance and the health flag (pausing a measure reveals it).
   * `alsoFor`: organisations the same consent also names, e.g. the receiver of a later hand-off
   * (a receiver is covered only by the consent it is proposed on naming it, docs/auth.md).
   * `extra` adds fields to the referral (prior information, for one).
   */
  async function acceptedPath(
    options: { alsoFor?: readonly string[]; extra?: Record<string, unknown> } = {},
  ): Promise<string> {
    const created = await api('POST', '/referrals', 'tiina.tyollisyys', {
      client: newClient(),
      toOrgId: DEMO_ORGANISATIONS.tyonsilta.id,
      requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
      reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
      fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
      desiredStart: '2027-01-07',
      consent: {
        orgIds: [DEMO_ORGANISATIONS.tyonsilta.id, ...(options.alsoFor ?? [])],
        dataClasses: ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'],
        howGiven: 'WRITTEN',
        purpose: 'REFERRAL',
      },
      ...options.extra,
    });
    if (created.status !== 201) {
      throw new Error(`referral answered ${created.status}: ${JSON.stringify(created.body)}`);
    }
    const { pathId, referralId } = created.body as { pathId: string; referralId: string };
    await whenStatus(`/paths/${pathId}/referrals`, 'ville.tyonsilta', 200);
    const accepted = await api(
      'POST',
      `/paths/${pathId}/referrals/${referralId}/acceptance`,
      'ville.tyonsilta',
      { expectedStart: '2027-01-14' },
      { 'if-match': '"1"' },
    );
    if (accepted.status !== 200) {
      throw new Error(`acceptance answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
    }
    return pathId;
  }

  /**
   * An accepted path whose intake Työnsilta has completed: a plan may be agreed on it
   * (docs/path-rules.md) once activation-plans has the IntakeCompleted event (see agreePlan).
   */
  async function plannablePath(
    options: { alsoFor?: readonly string[]; extra?: Record<string, unknown> } = {},
  ): Promise<string> {
    const pathId = await acceptedPath(options);
    const intake = await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', INTAKE_BODY);
    if (intake.status !== 201) {
      throw new Error(`intake answered ${intake.status}: ${JSON.stringify(intake.body)}`);
    }
    return pathId;
  }

  /**
   * Agrees the path's plan as `as`. activation-plans refuses a plan while the path is in intake
   * as it knows it (409, pathState INTAKE); another organisation's IntakeCompleted may still be on
   * its way there, so that refusal, which writes nothing, is asked again until the event arrived.
   */
  function agreePlan(pathId: string, as: string, body: object): Promise<Answer> {
    return waitFor(
      async () => {
        const answer = await api('POST', `/paths/${pathId}/activation-plan`, as, body);
        const stillInIntake =
          answer.status === 409 && (answer.body as { pathState?: string }).pathState === 'INTAKE';
        return stillInIntake ? undefined : answer;
      },
      { timeoutMs: 20_000, description: `activation-plans to learn the intake of ${pathId}` },
    );
  }

  return { acceptedPath, plannablePath, agreePlan, whenStatus };
}
