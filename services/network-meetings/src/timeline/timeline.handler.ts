import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { ListTimelineQuery, MEETING_COMMANDS, TimelineSinceQuery } from '@polku/contracts';
import {
  CommandValidationError,
  RequestPrincipal,
  requirePage,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { TimelineReader } from './timeline-reader.service';
import { TIMELINE_SORT } from './timeline.repository';

type ListTimelineRequest = Record<string, unknown> & { pathId: string };

/**
 * The shared timeline of a path, read by a party: a page at a time with filters (REST), or the
 * entries after a position (live updates). Each reply holds only what the caller may see.
 */
@Controller()
export class TimelineHandler {
  constructor(private readonly reader: TimelineReader) {}

  @MessagePattern(MEETING_COMMANDS.listTimeline)
  async list(@Payload() request: ListTimelineRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const { pathId: _path, limit, cursor, ...given } = request ?? {};
    const filters = validateCommand(ListTimelineQuery, given);
    const page = requirePage({ limit, cursor }, { sort: TIMELINE_SORT[filters.order ?? 'desc'] });
    if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
      throw new CommandValidationError('from: must not be after to');
    }
    return this.reader.list(principal, { pathId, page, filters });
  }

  @MessagePattern(MEETING_COMMANDS.timelineSince)
  async since(@Payload() request: unknown, @RequestPrincipal() principal: Principal) {
    return this.reader.since(principal, validateCommand(TimelineSinceQuery, request));
  }
}
