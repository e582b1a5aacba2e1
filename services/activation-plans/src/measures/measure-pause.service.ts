import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal } from '@polku/auth';
import { callerEnvelope, checkPathAccess } from '@polku/path-access';
import { MEASURE_PAUSED_V1, MEASURE_RESUMED_V1, type PauseMeasureCommand } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { clientRefOfPath } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { DataSource } from 'typeorm';
import { assertMayPauseMeasure, assertMayResumeMeasure } from '../path-stage/path-state-rules';
import { lockedPathStageFacts } from '../path-stage/path-stage.repository';
import { lockedMeasureAt } from './locked-measure';
import { measureView } from './measure-views';
import { closeOpenPause, insertPause, updateMeasureStatus } from './measure.repository';
import { PathTimerPause } from './path-timer-pause';

/**
 * A measure paused and resumed, with the path's timers suspended while any measure is paused;
 * each at the version of the measure the caller read (If-Match).
 * HEALTH_FLAG: the reason category and the from–to of a pause can reveal health.
 */
@Injectable()
export class MeasurePauseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly timerPause: PathTimerPause,
  ) {}

  async pause(
    principal: Principal,
    request: {
      pathId: string;
      measureId: string;
      expectedVersion: number;
      command: PauseMeasureCommand;
    },
  ) {
    const { pathId, measureId, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'HEALTH_FLAG' });
      // The path first, then the measure: every command on a path locks in that order.
      const facts = await lockedPathStageFacts(em, pathId);
      const measure = await lockedMeasureAt(em, request);
      assertMayPauseMeasure(facts, measure.status);
      const pausedAt = new Date();
      await insertPause(em, {
        id: randomUUID(),
        measureId,
        reasonCategory: command.reasonCategory,
        pausedAt,
        expectedResume: command.expectedResume ?? null,
        orgId: principal.orgId,
      });
      const paused = await updateMeasureStatus(em, { measureId, status: 'PAUSED' });
      await this.timerPause.suspend(em, { pathId, at: pausedAt });
      await this.outbox.append(em, MEASURE_PAUSED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: measureId,
        }),
        occurredAt: pausedAt,
        data: {
          measureId,
          reasonCategory: command.reasonCategory,
          pausedAt: pausedAt.toISOString(),
          ...(command.expectedResume === undefined
            ? {}
            : { expectedResume: command.expectedResume }),
        },
      });
      return {
        ...measureView(paused),
        pause: {
          reasonCategory: command.reasonCategory,
          pausedAt: pausedAt.toISOString(),
          expectedResume: command.expectedResume ?? null,
        },
      };
    });
  }

  async resume(
    principal: Principal,
    request: { pathId: string; measureId: string; expectedVersion: number },
  ) {
    const { pathId, measureId } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'HEALTH_FLAG' });
      const facts = await lockedPathStageFacts(em, pathId);
      const measure = await lockedMeasureAt(em, request);
      assertMayResumeMeasure(facts, measure.status);
      const resumedAt = new Date();
      await closeOpenPause(em, { measureId, resumedAt });
      const resumed = await updateMeasureStatus(em, { measureId, status: 'ACTIVE' });
      await this.timerPause.resumeUnlessPaused(em, { pathId, at: resumedAt });
      await this.outbox.append(em, MEASURE_RESUMED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: measureId,
        }),
        occurredAt: resumedAt,
        data: { measureId, resumedAt: resumedAt.toISOString() },
      });
      return measureView(resumed);
    });
  }
}
