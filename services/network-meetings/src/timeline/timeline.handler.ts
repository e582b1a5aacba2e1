import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import {
  LinkDecisionCommand,
  ListTimelineQuery,
  MEETING_COMMANDS,
  TimelineSinceQuery,
} from '@polku/contracts';
import {
  CommandValidationError,
  type PathRequest,
  RequestPrincipal,
  requirePage,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { DecisionLinkService } from './decisions/decision-link.service';
import { TimelineReader } from './timeline-reader.service';
import { TIMELINE_SORT } from './timeline.repository';

type ListTimelineRequest = Record<string, unknown> & { pathId: string };

/** `{ pathId, meetingId, decisionId, body: LinkDecisionCommand }`. */
type DecisionLinkRequest = PathRequest & { meetingId?: unknown; decisionId?: unknown };

/**
 * The shared timeline of a path, read by a party: a page at a time with filters (REST), or the
 * entries after a position (live updates). Each reply holds only what the caller may see. Also
 * links a held meeting's decision to the event that carried it out, checked on the timeline.
 */
@Controller()
export class TimelineHandler {
  constructor(
    private readonly reader: TimelineReader,
    private readonly decisions: DecisionLinkService,
  ) {}

  @MessagePattern(MEETING_COMMANDS.listTimeline)
  async list(@Payload() request: ListTimelineRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const { pathId: _path, limit, cursor, ...given } = request ?? {};
    const filters = validateCommand(ListTimelineQuery, given);
    const page = requirePage({ limit, cursor }, { sort: TIMELINE_SORT[filters.order ?? 'desc'] });
    if (
      filters.from !== undefined &&
      filters.to !== undefined &&
      Date.parse(filters.from) > Date.parse(filters.to)
    ) {
      throw new CommandValidationError('from: must not be after to');
    }
    return this.reader.list(principal, { pathId, page, filters });
  }

  @MessagePattern(MEETING_COMMANDS.timelineSince)
  async since(@Payload() request: unknown, @RequestPrincipal() principal: Principal) {
    return this.reader.since(principal, validateCommand(TimelineSinceQuery, request));
  }

  @MessagePattern(MEETING_COMMANDS.linkDecision)
  async linkDecision(
    @Payload() request: DecisionLinkRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const meetingId = requireUuid(request.meetingId, 'meetingId');
    const decisionId = requireUuid(request.decisionId, 'decisionId');
    const { eventId } = validateCommand(LinkDecisionCommand, request.body);
    return this.decisions.link(principal, { pathId, meetingId, decisionId, eventId });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireUuid(value: unknown, name: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new CommandValidationError(`${name}: must be a UUID`);
  }
  return value;
}
