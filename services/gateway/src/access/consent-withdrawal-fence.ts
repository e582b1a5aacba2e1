import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { recordConsentWithdrawal } from '@polku/path-access';
import { DataSource } from 'typeorm';

/** What client-intake answers to a withdrawal; `effectiveAt` since issue 15. */
interface WithdrawalAnswer {
  readonly effectiveAt?: unknown;
}

const effectiveAtOf = (answer: WithdrawalAnswer, fallback: Date): Date => {
  const at = typeof answer.effectiveAt === 'string' ? new Date(answer.effectiveAt) : undefined;
  return at !== undefined && !Number.isNaN(at.getTime()) ? at : fallback;
};

/**
 * Makes a withdrawal hold in the gateway the moment client-intake has recorded it (ADR 0014):
 * the gateway's access projection, which every replica reads before and after each client-data
 * request, gets the withdrawal before the caller's 2xx leaves, without waiting for the outbox
 * relay and JetStream. If this write fails the caller gets an error, not a 2xx.
 */
@Injectable()
export class ConsentWithdrawalFence {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async apply<T extends WithdrawalAnswer>(
    withdrawal: { readonly pathId: string; readonly consentId: string },
    answer: T,
  ): Promise<T> {
    // client-intake committed before it answered; without its instant, now is later than that.
    await recordConsentWithdrawal(this.dataSource.manager, {
      pathId: withdrawal.pathId,
      consentId: withdrawal.consentId,
      withdrawnAt: effectiveAtOf(answer, new Date()),
    });
    return answer;
  }
}
