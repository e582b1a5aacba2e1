import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal } from '@polku/auth';
import { callerEnvelope, checkPathAccess } from '@polku/path-access';
import { ActivationPlansConfig } from '@polku/config';
import { MEASURE_STARTED_V1, type StartMeasureCommand } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { clientRefOfPath } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { RuleViolationError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { assertMayStartMeasure } from '../path-stage/path-state-rules';
import { lockedPathStageFacts } from '../path-stage/path-stage.repository';
import { planOfPath } from '../plans/plan.repository';
import { assertPlacementAndContract, scheduleViolations } from './measure-start-rules';
import { measureView } from './measure-views';
import { insertMeasure } from './measure.repository';
import { legalParametersOf } from './schedule-rules';

/** A measure of the path's plan started, with a schedule the law allows. PATH data. */
@Injectable()
export class MeasureStartService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly config: ActivationPlansConfig,
  ) {}

  async start(principal: Principal, request: { pathId: string; command: StartMeasureCommand }) {
    const { pathId, command } = request;
    assertPlacementAndContract(command);
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      // Under the path's lock: of two starts on one path, the second sees the first running.
      assertMayStartMeasure(await lockedPathStageFacts(em, pathId));
      const plan = await planOfPath(em, pathId);
      if (plan === undefined) {
        throw new Error(`bug: path ${pathId} passed the plan check without a plan`);
      }
      const violations = scheduleViolations(command, legalParametersOf(this.config));
      if (violations.length > 0) {
        throw new RuleViolationError('the measure breaks rules of the law', violations);
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
}
