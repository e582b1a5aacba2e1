import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  ABSENCE_REPORTED_V1,
  ATTENDANCE_RECORDED_V1,
  PLAN_COMMANDS,
  RecordAttendanceCommand,
  ReportAbsenceCommand,
  type AbsenceReasonCategory,
  type AttendanceStatus,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import {
  type AccessBasis,
  callerEnvelope,
  checkPathAccess,
  clientRefOfPath,
} from '@polku/path-access';
import {
  CommandConflictError,
  CommandValidationError,
  type PathItemRequest,
  RequestPrincipal,
  requireItemId,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { lockedMeasure } from './locked-measure';
import { insertAttendanceEntry } from './measure.repository';

type Entry =
  | { kind: AttendanceStatus; date: string }
  | { kind: 'ABSENT'; date: string; reasonCategory: AbsenceReasonCategory };

/**
 * Day-by-day attendance of a measure: a day attended (wholly or in part) or an absence with its
 * reason as a category. One entry per measure and day, on a day of the measure while it runs.
 * ATTENDANCE data: the provider on the client's consent, the statutory plan parties by law.
 */
@Controller()
export class AttendanceHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  @MessagePattern(PLAN_COMMANDS.recordAttendance)
  async record(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    const command = validateCommand(RecordAttendanceCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'ATTENDANCE' });
      await this.recordEntry(em, {
        principal,
        pathId,
        measureId,
        entry: { kind: command.status, date: command.date },
      });
      await this.outbox.append(em, ATTENDANCE_RECORDED_V1.subject, {
        ...(await this.envelope(em, { pathId, measureId, principal, basis })),
        data: { measureId, date: command.date, status: command.status },
      });
      return { measureId, date: command.date, kind: command.status, reasonCategory: null };
    });
  }

  @MessagePattern(PLAN_COMMANDS.reportAbsence)
  async reportAbsence(
    @Payload() request: PathItemRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    const command = validateCommand(ReportAbsenceCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'ATTENDANCE' });
      await this.recordEntry(em, {
        principal,
        pathId,
        measureId,
        entry: { kind: 'ABSENT', date: command.date, reasonCategory: command.reasonCategory },
      });
      await this.outbox.append(em, ABSENCE_REPORTED_V1.subject, {
        ...(await this.envelope(em, { pathId, measureId, principal, basis })),
        data: { measureId, date: command.date, reasonCategory: command.reasonCategory },
      });
      return {
        measureId,
        date: command.date,
        kind: 'ABSENT',
        reasonCategory: command.reasonCategory,
      };
    });
  }

  /** Checks the measure runs and the day is one of its days, then stores the day's one entry. */
  private async recordEntry(
    em: EntityManager,
    options: { principal: Principal; pathId: string; measureId: string; entry: Entry },
  ): Promise<void> {
    const { entry } = options;
    const measure = await lockedMeasure(em, options.pathId, options.measureId);
    if (measure.status !== 'ACTIVE') {
      throw new CommandConflictError(
        `the measure is ${measure.status.toLowerCase()}: attendance is recorded while it runs`,
      );
    }
    // Only an ACTIVE measure gets here, and only an ended one has an end date of its own.
    const lastDay = measure.planned_end_date;
    if (entry.date < measure.start_date || entry.date > lastDay) {
      throw new CommandValidationError(
        `date: ${entry.date} is not a day of the measure (${measure.start_date} to ${lastDay})`,
      );
    }
    const stored = await insertAttendanceEntry(em, {
      measureId: options.measureId,
      date: entry.date,
      kind: entry.kind,
      reasonCategory: entry.kind === 'ABSENT' ? entry.reasonCategory : null,
      orgId: options.principal.orgId,
    });
    if (!stored) {
      throw new CommandConflictError(`${entry.date} already has an attendance entry`);
    }
  }

  private async envelope(
    em: EntityManager,
    options: { pathId: string; measureId: string; principal: Principal; basis: AccessBasis },
  ) {
    return callerEnvelope({
      pathId: options.pathId,
      clientRef: await clientRefOfPath(em, options.pathId),
      principal: options.principal,
      basis: options.basis,
      correlationId: options.measureId,
    });
  }
}
