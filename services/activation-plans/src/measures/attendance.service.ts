import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal } from '@polku/auth';
import { type AccessBasis, callerEnvelope, checkPathAccess } from '@polku/path-access';
import {
  ABSENCE_REPORTED_V1,
  ATTENDANCE_RECORDED_V1,
  type AbsenceReasonCategory,
  type AttendanceStatus,
  type RecordAttendanceCommand,
  type ReportAbsenceCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { clientRefOfPath } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { CommandConflictError, CommandValidationError } from '@polku/service-runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMayRecordAttendance } from '../path-stage/path-state-rules';
import { lockedPathStageFacts } from '../path-stage/path-stage.repository';
import { lockedMeasure } from './locked-measure';
import { insertAttendanceEntry } from './measure.repository';

type Entry =
  | { kind: AttendanceStatus; date: string }
  | { kind: 'ABSENT'; date: string; reasonCategory: AbsenceReasonCategory };

interface MeasureDay {
  pathId: string;
  measureId: string;
}

/**
 * A day of a running measure recorded as attended (wholly or in part) or as an absence with its
 * reason category: one entry per measure and day. ATTENDANCE data.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async record(principal: Principal, request: MeasureDay & { command: RecordAttendanceCommand }) {
    const { pathId, measureId, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
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

  async reportAbsence(
    principal: Principal,
    request: MeasureDay & { command: ReportAbsenceCommand },
  ) {
    const { pathId, measureId, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
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
    options: MeasureDay & { principal: Principal; entry: Entry },
  ): Promise<void> {
    const { entry } = options;
    const facts = await lockedPathStageFacts(em, options.pathId);
    const measure = await lockedMeasure(em, options);
    assertMayRecordAttendance(facts, measure.status);
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
    options: MeasureDay & { principal: Principal; basis: AccessBasis },
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
