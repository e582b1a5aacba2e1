import type { OrgKey, Provider, Referrer } from './steps';

// What one run of the model knows: the clients it made up and, of every path the system answered
// with, the ids the answers gave (referrals, consents, measures, hand-offs). Steps refer to these
// by number; the system, not the model, decides what is allowed, so the model keeps ids only and
// the checks after the run compare the services with each other.

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
let clientSerial = 0;

/** A made-up client with a valid personal identity code no other client of the process has. */
export function newClientIdentity(familyName: string) {
  clientSerial += 1;
  const day = String((clientSerial % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(clientSerial / 28) % 12) + 1).padStart(2, '0');
  const year = String(50 + (Math.floor(clientSerial / 336) % 50)).padStart(2, '0');
  const individual = String(2 + (Math.floor(clientSerial / 16800) % 897)).padStart(3, '0');
  const birth = `${day}${month}${year}`;
  const check = CHECK_CHARACTERS[Number(`${birth}${individual}`) % 31];
  return {
    personalIdentityCode: `${birth}-${individual}${check}`,
    givenNames: 'Polku',
    familyName: `${familyName}${clientSerial}`,
    language: 'fi',
    addressProtected: false,
  } as ClientIdentity;
}

/**
 * A person awaiting registration (domain brief §9, persona 5): names and a birth date, no code.
 * Each referral of such a client opens a path of its own: an unverified identity is never
 * matched to another client (docs/identity.md).
 */
export function awaitingRegistrationIdentity(familyName: string): ClientIdentity {
  clientSerial += 1;
  return {
    givenNames: 'Polku',
    familyName: `${familyName}Odottaa${clientSerial}`,
    birthDate: '1991-06-12',
    language: 'fi',
    addressProtected: false,
  };
}

export interface ClientIdentity {
  readonly personalIdentityCode?: string;
  readonly birthDate?: string;
  readonly givenNames: string;
  readonly familyName: string;
  readonly language: string;
  readonly addressProtected: boolean;
}

/** The run's client who has no personal identity code yet. */
export const AWAITING_REGISTRATION_CLIENT = 2;

export interface ModelReferral {
  readonly referralId: string;
  readonly from: Referrer;
  readonly to: Provider;
}

export interface ModelPath {
  readonly pathId: string;
  readonly client: number;
  readonly referrals: ModelReferral[];
  readonly consentIds: string[];
  readonly measureIds: string[];
  /** Receivers of the hand-offs proposed on it, newest last. */
  readonly handoffReceivers: OrgKey[];
}

/** What one step caused: each HTTP call it made, for the counterexample's log. */
export interface CallOutcome {
  readonly step: number;
  readonly call: string;
  readonly as: string;
  readonly status: number;
  readonly problem?: string;
}

export class RunModel {
  private readonly clients = new Map<number, ClientIdentity>();
  readonly paths: ModelPath[] = [];
  readonly outcomes: CallOutcome[] = [];
  /** Rules broken by one answer itself, found while the steps ran (read your own writes). */
  readonly violations: string[] = [];

  constructor(
    private readonly familyName: string,
    /** Every referral a new client: no re-referrals (PATH_MODEL_WITHOUT=re-referral). */
    private readonly freshClients = false,
  ) {}

  client(index: number): ClientIdentity {
    if (this.freshClients) {
      return newClientIdentity(this.familyName);
    }
    let client = this.clients.get(index);
    if (client === undefined) {
      client =
        index === AWAITING_REGISTRATION_CLIENT
          ? awaitingRegistrationIdentity(this.familyName)
          : newClientIdentity(this.familyName);
      this.clients.set(index, client);
    }
    return client;
  }

  /** The path with this index, modulo the paths known; undefined before the first. */
  path(index: number): ModelPath | undefined {
    return this.paths.length === 0 ? undefined : this.paths[index % this.paths.length];
  }

  /** Records a referral's answer: a new path, or one more referral of a known path. */
  referred(options: {
    pathId: string;
    client: number;
    referral: ModelReferral;
    consentId?: string;
  }): void {
    let path = this.paths.find((known) => known.pathId === options.pathId);
    if (path === undefined) {
      path = {
        pathId: options.pathId,
        client: options.client,
        referrals: [],
        consentIds: [],
        measureIds: [],
        handoffReceivers: [],
      };
      this.paths.push(path);
    }
    path.referrals.push(options.referral);
    if (options.consentId !== undefined) {
      path.consentIds.push(options.consentId);
    }
  }
}

/** `list[index % length]`, or undefined when the list is empty. */
export function nth<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}
