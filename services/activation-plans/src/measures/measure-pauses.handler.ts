import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  PauseMeasureCommand,
  PLAN_COMMANDS,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { callerEnvelope, checkPathAccess, clientRefOfPath } from '@polku/path-access';
import {
  CommandConflictError,
  type PathItemRequest,
  RequestPrincipal,
  requireEmptyBody,
  requireItemId,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { lockedMeasure } from './locked-measure';
import { measureView } from './measure-views';
import { closeOpenPause, insertPause, updateMeasureStatus } from './measure.repository';
import { PathTimerPause } from './path-timer-pause';

/**
 * A measure paused, not ended (a treatment period or sick leave does not end the client
 * relationship), and resumed. HEALTH_FLAG: the reason category, and the from–to of a pause,
 * can reveal health, so only organisations the client's consent covers for it pause or resume.
 */
@Controller()
export class MeasurePausesHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly timerPause: PathTimerPause,
  ) {}

  @MessagePattern(PLAN_COMMANDS.pauseMeasure)
  async pause(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    const command = validateCommand(PauseMeasureCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'HEALTH_FLAG' });
      const measure = await lockedMeasure(em, pathId, measureId);
      if (measure.status !== 'ACTIVE') {
        throw new CommandConflictError(
          `the measure is ${measure.status.toLowerCase()}, not active`,
        );
      }
      const pausedAt = new Date();
      await insertPause(em, {
        id: randomUUID(),
        measureId,
        reasonCategory: command.reasonCategory,
        pausedAt,
        expectedResume: command.expectedResume ?? null,
        orgId: principal.orgId,
      });
      const paused = await updateMeasureStatus(em, measureId, { status: 'PAUSED' });
      await this.timerPause.suspend(em, pathId, pausedAt);
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

  @MessagePattern(PLAN_COMMANDS.resumeMeasure)
  async resume(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    requireEmptyBody(request);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'HEALTH_FLAG' });
      const measure = await lockedMeasure(em, pathId, measureId);
      if (measure.status !== 'PAUSED') {
        throw new CommandConflictError(
          `the measure is ${measure.status.toLowerCase()}, not paused`,
        );
      }
      const resumedAt = new Date();
      await closeOpenPause(em, measureId, resumedAt);
      const resumed = await updateMeasureStatus(em, measureId, { status: 'ACTIVE' });
      await this.timerPause.resumeUnlessPaused(em, pathId, resumedAt);
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
