import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal } from '@polku/auth';
import { decidePathAccess, type PathAccessFacts } from '@polku/path-access';
import {
  PRIOR_INFORMATION_SHARED_V1,
  type ConsentableDataClass,
  type EnvelopeEmitter,
  type PriorInformationInput,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { NotFoundError } from '@polku/service-runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { IdentityCipher } from '../identity/identity-cipher';
import {
  coveredByPackageConsent,
  splitPriorInformation,
  type PriorInformationField,
} from './prior-information-rules';
import {
  insertPriorInformationPackage,
  priorInformationPackageOfReferral,
} from './prior-information.repository';

/** Associated data binds the sealed content to its package. */
const sealedAs = (packageId: string) => `prior-information:${packageId}`;

/**
 * Prior information: what the receiver should know before the client arrives, sealed like
 * identity and shared only on the client's consent, field by field.
 */
@Injectable()
export class PriorInformationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly cipher: IdentityCipher,
  ) {}

  /** Stores the referral's package, sealed, and announces it on the referral's consent. */
  async share(
    em: EntityManager,
    shared: {
      readonly envelope: { pathId: string; clientRef: string; emitter: EnvelopeEmitter };
      readonly referralId: string;
      readonly toOrgId: string;
      readonly consentId: string;
      readonly dataClasses: ConsentableDataClass[];
      readonly priorInformation: PriorInformationInput;
    },
  ): Promise<void> {
    const packageId = randomUUID();
    const { envelope, referralId, consentId, dataClasses } = shared;
    await insertPriorInformationPackage(em, {
      id: packageId,
      referralId,
      pathId: envelope.pathId,
      consentId,
      dataClasses,
      contentSealed: this.cipher.encrypt(
        JSON.stringify({ ...shared.priorInformation }),
        sealedAs(packageId),
      ),
    });
    await this.outbox.append(em, PRIOR_INFORMATION_SHARED_V1.subject, {
      ...envelope,
      correlationId: referralId,
      consentRef: consentId,
      data: { referralId, packageId, dataClasses, toOrgId: shared.toOrgId },
    });
  }

  /**
   * The prior information of a referral: each field only as far as the consent given for this
   * package covers the reader's organisation for its data class now. Another consent or a legal
   * basis does not open it, and a withdrawn package consent withholds it at once.
   */
  async read(request: {
    readonly principal: Principal;
    readonly facts: PathAccessFacts;
    readonly pathId: string;
    readonly referralId: string;
  }) {
    const { principal, facts, referralId } = request;
    const row = await priorInformationPackageOfReferral(this.dataSource.manager, request);
    if (row === undefined) {
      throw new NotFoundError('no prior information for this referral');
    }
    const content = JSON.parse(this.cipher.decrypt(row.content_sealed, sealedAs(row.id))) as Record<
      PriorInformationField,
      unknown
    >;
    const { shown, withheld } = splitPriorInformation(
      content,
      (dataClass) =>
        decidePathAccess(principal, coveredByPackageConsent(facts, row.consent_id), dataClass)
          .allowed,
    );
    return { referralId, packageId: row.id, ...shown, withheld };
  }
}
