import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { PLAN_COMMANDS, RecordAttendanceCommand, ReportAbsenceCommand } from '@polku/contracts';
import {
  type PathItemRequest,
  RequestPrincipal,
  requireItemId,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { AttendanceService } from './attendance.service';

/**
 * Day-by-day attendance of a measure: a day attended (wholly or in part) or an absence with its
 * reason as a category. One entry per measure and day, on a day of the measure while it runs.
 * ATTENDANCE data: the provider on the client's consent, the statutory plan parties by law.
 */
@Controller()
export class AttendanceHandler {
  constructor(private readonly attendance: AttendanceService) {}

  @MessagePattern(PLAN_COMMANDS.recordAttendance)
  async record(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    const command = validateCommand(RecordAttendanceCommand, request.body);
    return this.attendance.record(principal, { pathId, measureId, command });
  }

  @MessagePattern(PLAN_COMMANDS.reportAbsence)
  async reportAbsence(
    @Payload() request: PathItemRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    const command = validateCommand(ReportAbsenceCommand, request.body);
    return this.attendance.reportAbsence(principal, { pathId, measureId, command });
  }
}
