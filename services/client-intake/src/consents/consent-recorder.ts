import { Injectable } from '@nestjs/common';
import { emitterOf, type Principal } from '@polku/auth';
import { CONSENT_GRANTED_V1, type ConsentInput } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import type { EntityManager } from 'typeorm';
import { insertConsentGrant } from './consent.repository';

/**
 * The one place a consent is granted: the immutable record and its ConsentGranted event, in the
 * caller's transaction. A consent given with a referral and one given later are recorded alike.
 */
@Injectable()
export class ConsentRecorder {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * Records the consent under `consentId` (a referral names its consent before recording it),
   * valid from now; answers when it took effect.
   */
  async record(
    em: EntityManager,
    grant: {
      readonly consentId: string;
      readonly pathId: string;
      readonly clientRef: string;
      readonly consent: ConsentInput;
      readonly principal: Principal;
    },
  ): Promise<{ validFrom: Date }> {
    const { consentId, consent, principal } = grant;
    const validFrom = new Date();
    await insertConsentGrant(em, {
      id: consentId,
      clientId: grant.clientRef,
      pathId: grant.pathId,
      consent,
      validFrom,
      recordedByUser: principal.userId,
      recordedByOrgId: principal.orgId,
    });
    await this.outbox.append(em, CONSENT_GRANTED_V1.subject, {
      pathId: grant.pathId,
      clientRef: grant.clientRef,
      emitter: emitterOf(principal),
      consentRef: consentId,
      data: {
        consentId,
        orgIds: consent.orgIds,
        dataClasses: consent.dataClasses,
        purpose: consent.purpose,
        howGiven: consent.howGiven,
        validFrom: validFrom.toISOString().slice(0, 10),
        ...(consent.validTo ? { validTo: consent.validTo } : {}),
        recordedByOrgId: principal.orgId,
      },
    });
    return { validFrom };
  }
}
