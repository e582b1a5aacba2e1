import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  CancelMeetingCommand,
  MEETING_COMMANDS,
  type PageQueryPayload,
  pageFromRows,
  RecordMeetingHeldCommand,
  ScheduleMeetingCommand,
} from '@polku/contracts';
import { checkPathAccess } from '@polku/path-access';
import {
  NotFoundError,
  type PathItemRequest,
  type PathRequest,
  RequestPrincipal,
  requireExpectedVersion,
  requireItemId,
  requirePage,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { MeetingRecordService } from './meeting-record.service';
import { MeetingScheduleService } from './meeting-schedule.service';
import { meetingView } from './meeting-views';
import { MEETINGS_SORT, meetingOfPath, meetingPageOfPath } from './meeting.repository';

/**
 * Network meetings of a path: scheduled, cancelled or recorded as held (once), read one by one
 * and as a list. PATH data: who meets about the path, when and where, and what was decided.
 */
@Controller()
export class MeetingsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduling: MeetingScheduleService,
    private readonly recording: MeetingRecordService,
  ) {}

  @MessagePattern(MEETING_COMMANDS.scheduleMeeting)
  async schedule(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(ScheduleMeetingCommand, request.body);
    return this.scheduling.schedule(principal, { pathId, command });
  }

  @MessagePattern(MEETING_COMMANDS.cancelMeeting)
  async cancel(
    @Payload() request: PathItemRequest & VersionedPathRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const meetingId = requireItemId(request, 'meeting');
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(CancelMeetingCommand, request.body);
    return this.scheduling.cancel(principal, { pathId, meetingId, expectedVersion, command });
  }

  @MessagePattern(MEETING_COMMANDS.recordMeetingHeld)
  async record(
    @Payload() request: PathItemRequest & VersionedPathRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const meetingId = requireItemId(request, 'meeting');
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(RecordMeetingHeldCommand, request.body);
    return this.recording.record(principal, { pathId, meetingId, expectedVersion, command });
  }

  @MessagePattern(MEETING_COMMANDS.getMeeting)
  async get(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const meetingId = requireItemId(request, 'meeting');
    await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PATH' });
    const meeting = await meetingOfPath(this.dataSource, { pathId, meetingId });
    if (meeting === undefined) {
      throw new NotFoundError('no such meeting');
    }
    return meetingView(meeting);
  }

  @MessagePattern(MEETING_COMMANDS.listMeetings)
  async list(
    @Payload() request: PathRequest & PageQueryPayload,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const page = requirePage(request, { sort: MEETINGS_SORT });
    await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PATH' });
    return pageFromRows({
      rows: await meetingPageOfPath(this.dataSource, { pathId, ...page }),
      limit: page.limit,
      positionOf: (row) => ({ key: row.starts_key, id: row.id }),
      toItem: meetingView,
      sort: MEETINGS_SORT,
    });
  }
}
