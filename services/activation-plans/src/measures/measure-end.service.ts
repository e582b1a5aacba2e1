import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal } from '@polku/auth';
import { callerEnvelope, checkPathAccess } from '@polku/path-access';
import { MEASURE_ENDED_V1, type EndMeasureCommand } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { clientRefOfPath } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { CommandValidationError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { assertMayEndMeasure } from '../path-stage/path-state-rules';
import { lockedPathStageFacts } from '../path-stage/path-stage.repository';
import { lockedMeasureAt } from './locked-measure';
import { measureView } from './measure-views';
import { updateMeasureStatus } from './measure.repository';
import { PathTimerPause } from './path-timer-pause';

/**
 * A running or paused measure ended, on a day not before its start, at the version the caller
 * read (If-Match). PATH data.
 */
@Injectable()
export class MeasureEndService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly timerPause: PathTimerPause,
  ) {}

  async end(
    principal: Principal,
    request: {
      pathId: string;
      measureId: string;
      expectedVersion: number;
      command: EndMeasureCommand;
    },
  ) {
    const { pathId, measureId, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      const facts = await lockedPathStageFacts(em, pathId);
      const measure = await lockedMeasureAt(em, request);
      assertMayEndMeasure(facts, measure.status);
      if (command.endDate < measure.start_date) {
        throw new CommandValidationError(
          `endDate: ${command.endDate} is before the measure's start date ${measure.start_date}`,
        );
      }
      const ended = await updateMeasureStatus(em, {
        measureId,
        status: 'ENDED',
        endDate: command.endDate,
        endReason: command.endReason,
      });
      if (measure.status === 'PAUSED') {
        // The path's timers ran again when its last paused measure no longer is.
        await this.timerPause.resumeUnlessPaused(em, { pathId, at: new Date() });
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
}
