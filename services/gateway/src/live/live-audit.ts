import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decidePathAccess, describeBasis, readPathAccessFacts } from '@polku/path-access';
import { DataSource } from 'typeorm';
import { CLIENT_CHOICE_BASIS } from '../access/client-data.interceptor';
import { AuditTrail, type AuditEntry } from '../audit/audit-trail';
import { disclosedDataClasses } from '../audit/disclosed-data-classes';
import type { LiveSubscription } from './live-subscriber';
import type { DataClass, TimelineEntryView } from '@polku/contracts';

/** Rows written in one INSERT at most (20 parameters each, far below PostgreSQL's limit). */
const MAX_ROWS_PER_INSERT = 500;

/**
 * The audit of live pushes: every push of entries to a subscriber is a read of client data and
 * gets its row before the entries leave (docs/auth.md, "The audit trail"). The gateway decides
 * the path again on its own projection, as it does after every answer: a withdrawal it knows of
 * ends the stream even before the service's next answer. Rows of pushes made at the same moment
 * (one notice, many subscribers) go in one INSERT.
 */
@Injectable()
export class LiveAudit {
  private queue: { entry: AuditEntry; done: (error?: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  /** The path's facts being read now: the pushes of one notice share one read. */
  private readonly factsInFlight = new Map<string, ReturnType<typeof readPathAccessFacts>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trail: AuditTrail,
  ) {}

  /** Records the push of `entries`; false when the caller may no longer see the path. */
  async recordPush(
    subscription: LiveSubscription,
    entries: readonly TimelineEntryView[],
    fetchRequestId: string,
  ): Promise<boolean> {
    const { principal, pathId } = subscription;
    const facts = await this.factsOf(pathId);
    const now = new Date();
    const path = decidePathAccess(principal, facts, 'PATH', now);
    const base = {
      principal,
      action: 'READ' as const,
      route: subscription.route,
      pathId,
      purpose: 'CLIENT_WORK',
      requestId: fetchRequestId,
      correlationId: subscription.correlationId,
      traceId: null,
    };
    if (!path.allowed) {
      await this.append({
        ...base,
        outcome: 'REFUSED',
        refusalReason: path.reason,
        httpStatus: 404,
        dataClasses: [],
        disclosures: [],
        rowCount: null,
        relations: [],
        basis: null,
      });
      return false;
    }
    const declared = [...new Set<DataClass>(['PATH', ...entries.map((entry) => entry.dataClass)])];
    const dataClasses = disclosedDataClasses({ declared, answer: entries });
    await this.append({
      ...base,
      outcome: 'DONE',
      httpStatus: 200,
      dataClasses,
      disclosures: dataClasses.map((dataClass) => {
        const access =
          dataClass === 'IDENTITY' ? path : decidePathAccess(principal, facts, dataClass, now);
        if (access.allowed) {
          return { dataClass, basis: describeBasis(access.basis) };
        }
        // Client voice no consent covers was shown on the client's own choice (as over REST).
        return { dataClass, basis: dataClass === 'CLIENT_VOICE' ? CLIENT_CHOICE_BASIS : null };
      }),
      rowCount: entries.length,
      relations: path.relations,
      basis: describeBasis(path.basis),
    });
    return true;
  }

  /**
   * The path's access facts. A read already under way is shared (the pushes of one notice ask
   * together), never a finished one: a decision rests on facts at most one read old.
   */
  private factsOf(pathId: string): ReturnType<typeof readPathAccessFacts> {
    let facts = this.factsInFlight.get(pathId);
    if (facts === undefined) {
      facts = readPathAccessFacts(this.dataSource, pathId).finally(() =>
        this.factsInFlight.delete(pathId),
      );
      this.factsInFlight.set(pathId, facts);
    }
    return facts;
  }

  /** Resolves once the row is written; rejects (and nothing may leave) when it could not be. */
  private append(entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({
        entry,
        done: (error) => (error === undefined ? resolve() : reject(error)),
      });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    // Let the pushes of the same notice queue up behind the first one.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_ROWS_PER_INSERT);
      try {
        await this.trail.appendMany(batch.map((item) => item.entry));
        batch.forEach((item) => item.done());
      } catch (error) {
        batch.forEach((item) => item.done(error ?? new Error('audit failed')));
      }
    }
    this.flushing = undefined;
  }
}
