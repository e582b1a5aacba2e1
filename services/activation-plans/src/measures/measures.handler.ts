import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import { ActivationPlansConfig } from '@polku/config';
import {
  EndMeasureCommand,
  MEASURE_ENDED_V1,
  MEASURE_STARTED_V1,
  PLAN_COMMANDS,
  StartMeasureCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import {
  callerEnvelope,
  checkPathAccess,
  clientRefOfPath,
  decidePathAccess,
} from '@polku/path-access';
import {
  CommandConflictError,
  CommandValidationError,
  type PathItemRequest,
  type PathRequest,
  RequestPrincipal,
  requireItemId,
  requirePathId,
  RuleViolationError,
  validateCommand,
} from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { planOfPath } from '../plans/plan.repository';
import { lockedMeasure } from './locked-measure';
import {
  assertPlacementAndContract,
  PLAN_MISSING,
  scheduleViolations,
} from './measure-start-rules';
import { attendanceCountsView, measureView, pauseView } from './measure-views';
import {
  attendanceCountsOf,
  insertMeasure,
  measuresOfPath,
  pausesOf,
  updateMeasureStatus,
} from './measure.repository';
import { PathTimerPause } from './path-timer-pause';
import { legalParametersOf } from './schedule-rules';

/**
 * Measures of the path's plan: started with a schedule the law allows, ended, and listed. Their
 * start and end are PATH data (the path skeleton every party sees); pauses and attendance are
 * shown in the list only to callers covered for HEALTH_FLAG and ATTENDANCE.
 */
@Controller()
export class MeasuresHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly timerPause: PathTimerPause,
    private readonly config: ActivationPlansConfig,
  ) {}

  @MessagePattern(PLAN_COMMANDS.startMeasure)
  async start(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(StartMeasureCommand, request.body);
    assertPlacementAndContract(command);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      const plan = await planOfPath(em, pathId);
      const violations = [
        ...(plan === undefined ? [PLAN_MISSING] : []),
        ...scheduleViolations(command, legalParametersOf(this.config)),
      ];
      if (plan === undefined || violations.length > 0) {
        throw new RuleViolationError('the measure breaks rules of the plan or the law', violations);
      }
      const measure = await insertMeasure(em, {
        id: randomUUID(),
        planId: plan.id,
        pathId,
        measureType: command.measureType,
        placementKind: command.placement.kind,
        hostOrgId: command.placement.hostOrgId ?? null,
        ...command.schedule,
        contractType: command.contractType ?? null,
        startedByOrgId: principal.orgId,
      });
      await this.outbox.append(em, MEASURE_STARTED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: measure.id,
        }),
        data: {
          measureId: measure.id,
          planId: plan.id,
          measureType: command.measureType,
          placement: { ...command.placement },
          schedule: { ...command.schedule },
          ...(command.contractType === undefined ? {} : { contractType: command.contractType }),
        },
      });
      return measureView(measure);
    });
  }

  @MessagePattern(PLAN_COMMANDS.endMeasure)
  async end(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    const command = validateCommand(EndMeasureCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      const measure = await lockedMeasure(em, pathId, measureId);
      if (measure.status === 'ENDED') {
        throw new CommandConflictError('the measure has already ended');
      }
      if (command.endDate < measure.start_date) {
        throw new CommandValidationError(
          `endDate: ${command.endDate} is before the measure's start date ${measure.start_date}`,
        );
      }
      const ended = await updateMeasureStatus(em, measureId, {
        status: 'ENDED',
        endDate: command.endDate,
        endReason: command.endReason,
      });
      if (measure.status === 'PAUSED') {
        // The path's timers ran again when its last paused measure no longer is.
        await this.timerPause.resumeUnlessPaused(em, pathId, new Date());
      }
      await this.outbox.append(em, MEASURE_ENDED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: measureId,
        }),
        data: { measureId, endDate: command.endDate, endReason: command.endReason },
      });
      return measureView(ended);
    });
  }

  @MessagePattern(PLAN_COMMANDS.listMeasures)
  async list(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const grant = await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PATH' });
    const measures = await measuresOfPath(this.dataSource, pathId);
    const ids = measures.map((measure) => measure.id);
    // A pause's reason and its from–to can reveal health (HEALTH_FLAG); attendance is its own
    // class. Each is shown only to a caller covered for it, and the answer says what was held
    // back. The status PAUSED stays visible: every party needs to know the measure is not
    // running, and it says nothing about why.
    const seesPauses = decidePathAccess(principal, grant.facts, 'HEALTH_FLAG').allowed;
    const seesAttendance = decidePathAccess(principal, grant.facts, 'ATTENDANCE').allowed;
    const pauses = seesPauses ? await pausesOf(this.dataSource, ids) : [];
    const counts = seesAttendance ? await attendanceCountsOf(this.dataSource, ids) : [];
    return {
      items: measures.map((measure) => ({
        ...measureView(measure),
        ...(seesPauses
          ? {
              pauses: pauses.filter((pause) => pause.measure_id === measure.id).map(pauseView),
            }
          : {}),
        ...(seesAttendance
          ? {
              attendance: attendanceCountsView(
                counts.filter((count) => count.measure_id === measure.id),
              ),
            }
          : {}),
      })),
      withheld: [...(seesPauses ? [] : ['pauses']), ...(seesAttendance ? [] : ['attendance'])],
    };
  }
}
